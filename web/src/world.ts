/** The world's country shapes for ECharts, converted once from the bundled world-atlas TopoJSON (110m). */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldAtlas from 'world-atlas/countries-110m.json';
import { echarts } from './chart.js';

let registered = false;

/** Registers the map "world" (without Antarctica, which only takes space) with ECharts. */
export function registerWorld(): string {
  if (!registered) {
    const topology = worldAtlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const countries = feature(topology, topology.objects.countries);
    countries.features = countries.features.filter((country) => country.properties?.name !== 'Antarctica');
    echarts.registerMap('world', countries as unknown as Parameters<typeof echarts.registerMap>[1]);
    registered = true;
  }
  return 'world';
}
