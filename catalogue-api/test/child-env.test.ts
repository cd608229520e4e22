import { describe, expect, it } from 'vitest';
import { parsePrivateAccess } from '@fedcat/harvester';
import { loadConfig } from '../src/index.js';
import { childHarvestEnv } from '../src/harvest/child-env.js';

describe('childHarvestEnv', () => {
  it('gives a child harvest the settings the server resolved, including a fetch policy set in code', () => {
    const config = loadConfig({ FEDCAT_HARVEST_PROFILE: 'dcat-ap-3.0.1', FEDCAT_HARVEST_TIMEOUT_MS: '1234', FEDCAT_BASE_URL: 'https://cat.example/' }, { data: '/tmp/fedcat-child-env' });
    const server = { ...config, fetchPolicy: { ...config.fetchPolicy, privateAccess: parsePrivateAccess('http://127.0.0.1:9999'), fileRoots: ['/srv/a', '/srv/b'] } };
    const child = loadConfig(childHarvestEnv(server), { data: server.dataDir });
    expect(child.fetchPolicy).toEqual(server.fetchPolicy);
    expect(child.harvestProfile).toBe('dcat-ap-3.0.1');
    expect(child.baseUrl).toBe(server.baseUrl);
    expect(child.store).toEqual(server.store);
  });
  it('gives a child harvest the base URL of the port the server was told with a flag, which the child is not', () => {
    const server = loadConfig({}, { port: '20080' });
    expect(loadConfig(childHarvestEnv(server)).baseUrl).toBe('http://localhost:20080');
  });
  it('passes on everything else the server was started with', () => {
    const config = loadConfig({ FEDCAT_STORE_TIMEOUT_MS: '5000', SOMETHING_ELSE: 'kept' });
    expect(childHarvestEnv(config)).toMatchObject({ FEDCAT_STORE_TIMEOUT_MS: '5000', SOMETHING_ELSE: 'kept', FEDCAT_HARVEST_ALLOW_PRIVATE: 'false', FEDCAT_HARVEST_FILES: '' });
  });
});
