/** Event dates resolved against the article date, and what counts as background. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventTiming } from '../src/events/dates.js';

// 2023-06-21 was a Wednesday.
const PUBLISHED = '2023-06-21';

describe('event dates', () => {
  const cases: Array<[string, string, string, boolean]> = [
    ['Japan criticized China on Monday.', '2023-06-19', 'day', false],
    ['Japan criticized China on Wednesday.', '2023-06-21', 'day', false],
    ['France praised Germany yesterday.', '2023-06-20', 'day', false],
    ['Iran attacked Israel last week.', '2023-06-14', 'week', true],
    ['China sanctioned Taiwan on June 1.', '2023-06-01', 'day', true],
    ['The talks were held on June 20th.', '2023-06-20', 'day', false],
    ['Japan protested in March.', '2023-06-21', 'day', false],
    ['The envoy visited Taiwan, the first since the U.S. cut ties in 1979.', '2023-06-21', 'day', false],
    ['A balloon earlier this year had strained relations.', '2023-01-01', 'year', true],
    ['The two sides met in Beijing.', '2023-06-21', 'day', false],
    ['Tensions had eased before the summit.', '2023-06-21', 'day', true],
    ['The summit will be held in 2025.', '2023-06-21', 'day', false],
  ];
  for (const [sentence, date, precision, background] of cases) {
    it(sentence, () => {
      const timing = eventTiming(sentence, PUBLISHED);
      assert.deepEqual([timing.date, timing.precision, timing.background], [date, precision, background]);
    });
  }
});
