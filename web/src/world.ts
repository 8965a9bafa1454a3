/** The world's country shapes for ECharts, converted once from the bundled world-atlas TopoJSON (110m). */
import { feature } from 'topojson-client';
import type { Geometry, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldAtlas from 'world-atlas/countries-110m.json';
import { echarts } from './chart.js';

let registered = false;

/**
 * Rings that cross the antimeridian (Russia's Chukotka, Fiji) jump from +180 to −180 and would be drawn
 * as lines across the whole map; shifting their western points by 360° keeps each ring in one piece.
 */
function unwrapAntimeridian(geometry: Geometry | null): void {
  if (!geometry) return;
  const polygons: Position[][][] =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  for (const ring of polygons.flat()) {
    const crosses = ring.some(([lon]) => lon! > 170) && ring.some(([lon]) => lon! < -170);
    if (!crosses) continue;
    for (const point of ring) if (point[0]! < 0) point[0] = point[0]! + 360;
  }
}

/** Registers the map "world" (without Antarctica, which only takes space) with ECharts. */
export function registerWorld(): string {
  if (!registered) {
    const topology = worldAtlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const countries = feature(topology, topology.objects.countries);
    countries.features = countries.features.filter((country) => country.properties?.name !== 'Antarctica');
    for (const country of countries.features) unwrapAntimeridian(country.geometry);
    echarts.registerMap('world', countries as unknown as Parameters<typeof echarts.registerMap>[1]);
    registered = true;
  }
  return 'world';
}
