import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPublisher } from '../src/index.js';
import type { DemoPublisher } from '../src/testing.js';
import { harvestedApp } from './support.js';

// developer.overheid.nl's API register interface (GET /apis, GET /apis/{id}) over the demo's APIs, checked against
// the register's own OpenAPI document: every answer validates against its schemas, and its filters do what it says.
const REGISTER = new URL('../../../shared/reference/specs/api-register/don-api-register-openapi.json', import.meta.url);
const BASE = 'https://catalogus.fedcat.test';
let publisher: DemoPublisher;
let harvested: Awaited<ReturnType<typeof harvestedApp>>;
let validSummary: (x: unknown) => boolean;
let validDetail: (x: unknown) => boolean;

interface Summary { id: string; organisation: { uri: string }; adrScore: number | null; lifecycle: { status: string; version: string } }

beforeAll(async () => {
  publisher = await startDemoPublisher();
  harvested = await harvestedApp(publisher.files.map((f) => ({ id: f.replace('.ttl', ''), url: `${publisher.origin}/${f}` })),
    { FEDCAT_HARVEST_ALLOW_PRIVATE: publisher.origin.slice('http://'.length), FEDCAT_BASE_URL: BASE, FEDCAT_SERVICE_CHECK: 'true' }, { baseUrl: BASE });
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...JSON.parse(await readFile(REGISTER, 'utf8')), $id: 'register' });
  validSummary = ajv.compile({ type: 'array', items: { $ref: 'register#/components/schemas/ApiSummary' } });
  validDetail = ajv.compile({ $ref: 'register#/components/schemas/ApiDetail' });
}, 90_000);
afterAll(async () => {
  await harvested?.close();
  await publisher?.close();
});

const get = (url: string) => harvested.app.inject({ method: 'GET', url: `/v1/api-register${url}` });
const list = async (query: string) => (await get(`/apis?${query}`)).json<Summary[]>();

describe("the API register's interface", () => {
  it('lists the APIs as ApiSummary and answers one as ApiDetail, valid against the register\'s schemas, with its paging headers', async () => {
    const res = await get('/apis?perPage=100');
    expect(res.statusCode).toBe(200);
    const apis = res.json<Summary[]>();
    expect(apis.length).toBeGreaterThanOrEqual(4);
    expect(validSummary(apis)).toBe(true);
    expect(res.headers['api-version']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(res.headers).toMatchObject({ 'total-count': String(apis.length), 'current-page': '1', 'per-page': '100', 'total-pages': '1' });
    for (const api of apis) {
      const one = await get(`/apis/${api.id}`);
      expect(one.statusCode).toBe(200);
      expect(validDetail(one.json())).toBe(true);
    }
    expect((await get('/apis/0000000000000000')).statusCode).toBe(404);
  });

  it('pages with Link, Total-Pages and perPage', async () => {
    const all = await list('perPage=100');
    const res = await get('/apis?perPage=2&page=2');
    expect(res.json<Summary[]>().map((a) => a.id)).toEqual(all.slice(2, 4).map((a) => a.id));
    expect(res.headers['total-pages']).toBe(String(Math.ceil(all.length / 2)));
    expect(res.headers.link).toContain(`<${BASE}/v1/api-register/apis?perPage=2&page=1>; rel="prev"`);
    expect(res.headers.link).toContain('rel="next"');
  });

  it('filters by organisation, ids, lifecycle status, OAS version, ADR score and authentication, as the register documents', async () => {
    const all = await list('perPage=100');
    const org = all[0]!.organisation.uri;
    expect((await list(`organisation=${encodeURIComponent(org)}&perPage=100`)).every((a) => a.organisation.uri === org)).toBe(true);
    expect((await list(`organisation=${encodeURIComponent(org)}&perPage=100`)).length).toBe(all.filter((a) => a.organisation.uri === org).length);
    expect((await list(`ids=${all[0]!.id},${all[1]!.id}`)).map((a) => a.id).sort()).toEqual([all[0]!.id, all[1]!.id].sort());
    const statuses = [...new Set(all.map((a) => a.lifecycle.status))];
    for (const s of statuses) expect((await list(`status=${s}&perPage=100`)).length).toBe(all.filter((a) => a.lifecycle.status === s).length);
    expect((await list(`status=${statuses.join(',')}&perPage=100`)).length).toBe(all.length);
    const version = all[0]!.lifecycle.version;
    expect((await list(`oasVersion=${version}&perPage=100`)).every((a) => a.lifecycle.version === version)).toBe(true);
    const score = all.find((a) => a.adrScore !== null)!.adrScore!;
    expect((await list(`adrScore=${score}&perPage=100`)).map((a) => a.adrScore)).toEqual(all.filter((a) => a.adrScore === score).map(() => score));
    expect((await list('adrScore=unknown&perPage=100')).every((a) => a.adrScore === null)).toBe(true);
    const keyed = await list('auth=api_key&perPage=100');
    expect(keyed.length).toBeGreaterThan(0);
    for (const a of keyed) expect((await get(`/apis/${a.id}`)).json<{ auth: string[] }>().auth).toContain('api_key');
    expect(keyed.length).toBeLessThan(all.length);
  });

  it('refuses a filter value the register does not allow, naming the allowed ones', async () => {
    const res = await get('/apis?status=actief');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toBe('Invalid filter: status actief: must be one of active, deprecated, sunset, retired');
  });
});
