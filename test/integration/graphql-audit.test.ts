import { startHttpServer } from '@policygraph/server';
import { serverAudits } from 'graphql-http';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDriver } from '../helpers.js';

let driver: Driver;
let http: Awaited<ReturnType<typeof startHttpServer>>;

beforeAll(async () => {
  driver = testDriver();
  http = await startHttpServer({ driver, port: 0 });
});
afterAll(async () => {
  await http.close();
  await driver.close();
});

// The GraphQL-over-HTTP conformance suite; the audits only ask for __typename, so no data is needed.
const audits = serverAudits({ url: () => `${http.url}/graphql` });

describe('GraphQL over HTTP conformance (graphql-http audits)', () => {
  it('has the MUST audits to run', () => {
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });

  for (const audit of audits.filter((a) => a.name.startsWith('MUST'))) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    });
  }

  it('passes the SHOULD audits too', async () => {
    const failed: string[] = [];
    for (const audit of audits.filter((a) => a.name.startsWith('SHOULD'))) {
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push(`${audit.name}: ${result.reason}`);
    }
    expect(failed).toEqual([]);
  });

  it('serves GraphiQL to a browser at /graphql', async () => {
    const res = await fetch(`${http.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/PolicyGraph GraphQL/);
  });
});
