/** The command line, run in-process: outputs, exit codes, and one-line errors for bad input. */
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import Database from 'better-sqlite3';
import { EXAMPLE_PATH, cli, fixture, tempDir } from './support.js';

describe('parley CLI', () => {
  it('analyze prints one JSON object for one article, validating against `parley schema`', async () => {
    const run = await cli('analyze', EXAMPLE_PATH, '--date', '2023-06-19');
    assert.equal(run.code, 0, run.stderr);
    const analysis = JSON.parse(run.stdout) as Record<string, unknown> & { article: { published: string } };
    assert.equal(analysis.article.published, '2023-06-19');
    const schema = JSON.parse((await cli('schema')).stdout);
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(analysis), JSON.stringify(validate.errors?.slice(0, 3)));
    // The schema is not vacuous: a wrong type fails it.
    assert.equal(validate({ ...analysis, events: [{ code: 42 }] }), false);
  });

  it('analyze prints JSONL for several articles and goes on past bad ones, exiting 1', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'mixed.jsonl');
    writeFileSync(
      file,
      ['{"text":"Iran condemned Israel."}', 'nope', '{"text":"Chile praised Peru."}'].join('\n'),
    );
    const run = await cli('analyze', file);
    assert.equal(run.code, 1);
    assert.equal(run.stdout.trim().split('\n').length, 2);
    assert.equal(
      run.stderr.trim(),
      `parley: ${file}:2: not valid JSON (Unexpected token 'o', "nope" is not valid JSON)`,
    );
  });

  it('ingest, search, events, show and summary work on a database', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.db');
    const ingest = await cli('ingest', EXAMPLE_PATH, '--db', db, '--date', '2023-06-19');
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.match(ingest.stdout, /^ingested 1 new articles \(0 already stored, 0 failed\)/);
    const search = await cli('search', 'surveillance balloon', '--db', db, '--format', 'json');
    const [hit] = JSON.parse(search.stdout);
    assert.match(hit.snippet, /\[surveillance\] \[balloon\]/);
    const events = await cli('events', '--db', db, '--actor', 'USA', '--format', 'csv');
    assert.match(events.stdout.split('\n')[0]!, /^date,source,code,event,target/);
    assert.ok(events.stdout.split('\n').length > 2);
    const show = await cli('show', hit.id.slice(0, 8), '--db', db);
    assert.match(show.stdout, /Antony Blinken \[USAGOV\], Secretary of State/);
    assert.match(show.stdout, /Removed as boilerplate/);
    const summary = await cli('summary', '--db', db);
    assert.match(summary.stdout, /1 articles/);
    assert.match(summary.stdout, /CHN–USA/);
  });

  it('says clearly what is wrong with a missing database, a bad option or an unknown id', async () => {
    const missing = await cli('events', '--db', '/nonexistent/p.db');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no such database/);
    const badFormat = await cli('events', '--format', 'xml');
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /--format must be one of table, json, csv/);
    const dir = tempDir();
    const db = path.join(dir, 'p.db');
    await cli('ingest', EXAMPLE_PATH, '--db', db);
    const unknown = await cli('show', 'ffffffffffff', '--db', db);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /ffffffffffff: no stored article/);
  });

  it('takes a user’s own actors, verb patterns and themes', async () => {
    const dir = tempDir();
    const actors = path.join(dir, 'actors.tsv');
    const verbs = path.join(dir, 'verbs.tsv');
    const themes = path.join(dir, 'themes.tsv');
    const article = path.join(dir, 'a.json');
    writeFileSync(actors, 'jane-roe\tJane Roe\tRoe\tNZL\tNZLGOV\tEnvoy for Fisheries\t2020-01-01\t\n');
    writeFileSync(verbs, '# my patterns\n0341\tpromise reform to {T}\n');
    writeFileSync(themes, 'MY_FISHERIES\tFisheries\tfishing quota|trawler\n');
    writeFileSync(
      article,
      JSON.stringify({ date: '2024-03-01', text: 'Jane Roe promised reforms to Japan over fishing quotas.' }),
    );
    const run = await cli('--actors', actors, '--verbs', verbs, '--themes', themes, 'analyze', article);
    assert.equal(run.code, 0, run.stderr);
    const analysis = JSON.parse(run.stdout) as {
      actors: Array<{ name: string; code: string; role?: string }>;
      events: Array<{ code: string; source: { code: string }; target: { code: string } }>;
      themes: Array<{ id: string }>;
    };
    const jane = analysis.actors.find((actor) => actor.name === 'Jane Roe');
    assert.deepEqual([jane?.code, jane?.role], ['NZLGOV', 'Envoy for Fisheries']);
    assert.deepEqual(
      analysis.events.map((e) => [e.source.code, e.code, e.target.code]),
      [['NZLGOV', '0341', 'JPN']],
    );
    assert.ok(analysis.themes.some((theme) => theme.id === 'MY_FISHERIES'));
    const badVerbs = path.join(dir, 'bad.tsv');
    writeFileSync(badVerbs, '999\tfrobnicate {T}\n');
    const bad = await cli('--verbs', badVerbs, 'analyze', article);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /bad\.tsv:1: unknown CAMEO code "999"/);
  });

  it('extract prints the metadata and text of a web page as JSON', async () => {
    const run = await cli('extract', fixture('html', 'news-article.html'), '--url', 'https://example.org/x');
    assert.equal(run.code, 0, run.stderr);
    const page = JSON.parse(run.stdout) as Record<string, string>;
    assert.deepEqual(Object.keys(page), [
      ...['title', 'byline', 'published', 'modified', 'siteName', 'language', 'url', 'canonicalUrl'],
      'text',
    ]);
    assert.equal(page.title, 'Norway and Chile sign fisheries accord');
    assert.equal(page.byline, 'Ingrid Solberg');
    assert.equal(page.url, 'https://example.org/x');
    assert.equal(page.canonicalUrl, 'https://gazette.example/world/norway-chile-fisheries-accord');
    assert.match(page.text!, /^Norway and Chile signed an agreement on Tuesday[^\n]*\n\nThe accord commits/);
    const none = await cli('extract', fixture('html', 'no-article.html'));
    assert.equal(none.code, 1);
    assert.match(none.stderr, /^parley: .*no-article\.html: no article text found on the page\n$/);
    const text = await cli('extract', EXAMPLE_PATH);
    assert.equal(text.code, 1);
    assert.match(text.stderr, /xi-blinken-beijing\.txt: not an HTML page/);
  });

  it('ingest reads a folder of web pages end to end, with their metadata', async () => {
    const dir = tempDir();
    for (const name of ['news-article.html', 'opengraph-article.html', 'no-article.html'])
      copyFileSync(fixture('html', name), path.join(dir, name));
    const db = path.join(dir, 'pages.db');
    const run = await cli('ingest', dir, '--db', db, '--workers', '1');
    assert.equal(run.code, 1, 'the page without an article is a failure');
    assert.match(run.stdout, /^ingested 2 new articles \(0 already stored, 1 failed\)/);
    assert.match(run.stderr, /^parley: .*no-article\.html: no article text\n$/);
    const rows = new Database(db, { readonly: true })
      .prepare('SELECT title, published, source, language FROM articles ORDER BY title')
      .all();
    assert.deepEqual(rows, [
      {
        title: 'La France et le Maroc signent un accord commercial',
        published: '2023-11-20T08:00:00.000Z',
        source: 'Le Quotidien du Port',
        language: 'fr',
      },
      {
        title: 'Norway and Chile sign fisheries accord',
        published: '2024-03-05T08:30:00.000Z',
        source: 'The Harbour Gazette',
        language: 'en',
      },
    ]);
    const summary = await cli('summary', '--db', db);
    assert.match(summary.stdout, /: 2 articles \((en 1, fr 1|fr 1, en 1)\)/);
    assert.match(summary.stdout, /\nnot analysed \(the analysis reads English only\): fr 1; stored/);
    const french = new Database(db, { readonly: true })
      .prepare(
        "SELECT count(*) AS events FROM events JOIN articles ON articles.id = article_id WHERE language = 'fr'",
      )
      .get();
    assert.deepEqual(french, { events: 0 });
  });

  it('has help with an example for every command', async () => {
    for (const command of ['analyze', 'extract', 'ingest', 'watch', 'search', 'events', 'show', 'summary']) {
      const help = await cli(command, '--help');
      assert.equal(help.code, 0);
      assert.match(help.stdout, /Example:\n\s+\$ parley /, command);
    }
  });
});
