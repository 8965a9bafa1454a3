/** Boilerplate found by its form: promotional lines, captions, tag lines, bylines — and news left alone. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findBoilerplate } from '../src/ingest/boilerplate.js';
import { separateBoilerplate } from '../src/ingest/article.js';
import { exampleText } from './support.js';

describe('boilerplate', () => {
  it('removes the example’s caption, tag line and two promotional lines, and no sentence of the story', () => {
    const body = exampleText().split('\n').slice(1).join('\n');
    const { body: kept, boilerplate } = separateBoilerplate(body);
    assert.deepEqual(
      boilerplate.map((item) => item.text),
      [
        'U.S.-China relations',
        'US Secretary of State Antony Blinken (left) shakes hands with Foreign Minister Qin Gang at the start of their meeting in Beijing. (Photo: AP)',
        'Check out the latest news in our Global News section',
        'Stay updated on environmental data and insights by following KI Data on Twitter',
      ],
    );
    assert.match(boilerplate[0]!.reason, /tag line/);
    assert.match(boilerplate[1]!.reason, /caption/);
    assert.match(boilerplate[2]!.reason, /promotional/);
    assert.ok(kept.includes('China reiterated its stance'));
    assert.ok(kept.includes('Building Bridges amid Challenges:'));
  });

  it('flags leftovers by their form, not by exact strings', () => {
    const leftovers = [
      'Subscribe to our newsletter for the latest updates',
      'Follow us on Facebook and Instagram',
      'Sign up for our daily briefing',
      'Download our app to read more stories',
      'Protesters gather outside the embassy in Seoul. (Photo: Reuters)',
      'President Biden (right) greets Prime Minister Kishida at the White House.',
      'Soldiers patrol the border. AP Photo/Evgeniy Maloletka',
      'By Jane Doe and John Smith',
      'File photo, Reuters',
    ];
    for (const line of leftovers) assert.ok(findBoilerplate([line])[0], `should be boilerplate: ${line}`);
  });

  it('keeps real news lines that look similar', () => {
    const news = [
      'China urged the United States to follow its commitments on Taiwan.',
      'Check-ups of the reactor will continue, the agency said.',
      'Officials said they would follow the talks closely.',
      'The photo, taken by a satellite, showed troops near the border.',
      'Blinken met Wang Yi on Sunday.',
      'Subscribers to the state broadcaster fell by 10 percent last year.',
      'Reuters reported that the talks would resume in July.',
      'By the end of the year, the two sides had signed 12 agreements.',
      // A Current-events item whose first word is a credit label followed by a comma.
      "Photographs, diaries and footage of Gyles Mackrell's rescue of refugees from the Japanese invasion of Burma in World War II are made available.",
    ];
    for (const line of news) assert.equal(findBoilerplate([line])[0], null, `should be news: ${line}`);
  });
});
