import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DevApi, DeviceDocument } from '../../src/devapi/index.js';
import { admin, getJson, startFleetApi } from './support.js';

const NOW = '2026-01-15T12:00:00Z';
const DEFAULT_DATA_URL = 'https://raw.githubusercontent.com/fablabbcn/smartcitizen-data/master';
const ADC_BASE: Record<string, number> = { '48': 133, '49': 138, '4A': 143, '4B': 148 };

type Doc = DeviceDocument & { description: string; system_tags: string[] };
const situationOf = (doc: Doc) => doc.description.split(', ').at(-1);
const seconds = (iso: string) => Date.parse(iso) / 1000;

/** The hardware URL the way the connector resolves it (spec §6.3), pointed at the stand-in. */
function hardwareUrl(api: DevApi, value: string | null): string {
  if (value !== null && /^https?:\/\//.test(value)) return value.replace(DEFAULT_DATA_URL, api.dataUrl);
  return `${api.dataUrl}/hardware/${value}.json`;
}

async function allDevices(api: DevApi, count: number): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (let page = 1; docs.length < count; page++) {
    const res = await getJson<Doc[]>(`${api.apiUrl}/devices/?per_page=100&page=${page}`, {
      headers: admin(api),
    });
    if (res.body.length === 0) break;
    docs.push(...res.body);
  }
  return docs;
}

describe('the simulated fleet', () => {
  let api: DevApi;
  let docs: Doc[];
  before(async () => {
    api = await startFleetApi({ devices: 200, seed: 21 });
    docs = await allDevices(api, 200);
  });
  after(() => api.close());

  it('numbers devices from 10001 upward', () => {
    assert.deepEqual(
      docs.map((d) => d.id),
      Array.from({ length: 200 }, (_, i) => 10001 + i),
    );
  });

  it('mixes every scheduler situation, most devices having new data to process', () => {
    const counts = new Map<string, number>();
    for (const d of docs) counts.set(situationOf(d) ?? '', (counts.get(situationOf(d) ?? '') ?? 0) + 1);
    for (const s of [
      'backlog',
      'never-processed',
      'caught-up',
      'never-published',
      'invalid-hardware',
      'no-postprocessing',
    ]) {
      assert.ok((counts.get(s) ?? 0) > 0, `no ${s} device`);
    }
    assert.ok((counts.get('backlog') ?? 0) > 100);
    assert.ok(docs.some((d) => d.data_policy.is_private));
  });

  it('gives each situation the document the scheduler expects', () => {
    const now = seconds(NOW);
    for (const d of docs) {
      const pp = d.postprocessing;
      const last = d.last_reading_at === null ? null : seconds(d.last_reading_at);
      const latest = pp?.latest_postprocessing ? seconds(pp.latest_postprocessing) : null;
      switch (situationOf(d)) {
        case 'backlog':
          assert.ok(last !== null && latest !== null && latest < last && now - last < 180, `${d.id}`);
          assert.ok(d.system_tags.includes('online'));
          break;
        case 'never-processed':
          assert.ok(last !== null && pp !== null && latest === null);
          break;
        case 'caught-up':
          assert.ok(last !== null && latest !== null && latest > last && d.system_tags.includes('offline'));
          break;
        case 'never-published':
          assert.ok(
            last === null && d.state === 'never_published' && d.data.sensors.length === 0 && pp !== null,
          );
          break;
        case 'no-postprocessing':
          assert.equal(pp, null);
          break;
      }
    }
  });

  it('points valid devices at real hardware files, as bare names and full URLs, and invalid ones at 404s', async () => {
    let bare = 0;
    let full = 0;
    for (const d of docs.filter((x) => x.postprocessing !== null)) {
      const value = d.postprocessing?.hardware_url ?? null;
      const res = await fetch(hardwareUrl(api, value));
      const text = await res.text();
      if (situationOf(d) === 'invalid-hardware') {
        assert.equal(res.status, 404, `${d.id} ${value}`);
        continue;
      }
      assert.equal(res.status, 200, `${d.id} ${value}`);
      if (value?.startsWith('https://')) full++;
      else bare++;
      if (d.state === 'never_published') continue;
      const slots = (JSON.parse(text) as { versions: { ids: Record<string, string> }[] }).versions.flatMap(
        (v) => Object.keys(v.ids),
      );
      const needed = slots.flatMap((slot) => {
        const [, addr = '', pair = ''] = slot.split('_');
        return [...pair].map((ch) => (ADC_BASE[addr] ?? 0) + Number(ch));
      });
      const ids = new Set(d.data.sensors.map((s) => s.id));
      for (const id of [...needed, 55, 158]) assert.ok(ids.has(id), `${d.id} lacks sensor ${id}`);
    }
    assert.ok(bare > 10 && full > 10, `${bare} bare, ${full} full`);
  });

  it('reports one raw point per minute at the device second offset, with plausible values', async () => {
    const d = docs.find((x) => situationOf(x) === 'backlog' && x.data.sensors.length > 0) as Doc;
    const electrode = d.data.sensors.find((s) => s.id >= 133 && s.id <= 151);
    const ranges: [number, number, number][] = [
      [55, 5, 35],
      [158, 400, 900],
      [electrode?.id ?? 0, 0.2, 0.45],
    ];
    for (const [sensor, min, max] of ranges) {
      const res = await getJson<{ readings: [string, number][]; sample_size: number }>(
        `${api.apiUrl}/devices/${d.id}/readings?from=2026-01-13T00:00:00Z&rollup=1m&sensor_id=${sensor}`,
      );
      const times = res.body.readings.map(([t]) => seconds(t));
      assert.equal(new Set(times.map((t) => t % 60)).size, 1, 'one second offset');
      assert.ok(
        times.every((t, i) => i === 0 || (times[i - 1] ?? 0) - t >= 60),
        'newest first, a minute apart',
      );
      const missing = (times[0] ?? 0) / 60 - (times.at(-1) ?? 0) / 60 + 1 - times.length;
      assert.ok(missing > 0 && missing < times.length * 0.02, `${missing} missing minutes`);
      assert.ok(
        res.body.readings.every(([, v]) => v >= min && v <= max),
        `sensor ${sensor} in range`,
      );
      assert.equal(res.body.readings[0]?.[0], d.last_reading_at);
    }
  });

  it('starts a limited load exactly at latest_postprocessing', async () => {
    const d = docs.find((x) => situationOf(x) === 'backlog') as Doc;
    const from = d.postprocessing?.latest_postprocessing ?? '';
    const res = await getJson<{ readings: [string, number][]; sample_size: number }>(
      `${api.apiUrl}/devices/${d.id}/readings?from=${from}&limit=500&rollup=1m&sensor_id=55&function=avg`,
    );
    assert.equal(res.body.readings.at(-1)?.[0], from);
    assert.ok(res.body.sample_size <= 500);
  });
});

describe('fleet determinism and scale', () => {
  it('renders the same world for the same seed and clock, another one for another seed', async () => {
    const snapshot = async (seed: number) => {
      const api = await startFleetApi({ devices: 30, seed });
      try {
        const page = await (
          await fetch(`${api.apiUrl}/devices/?per_page=30`, { headers: admin(api) })
        ).text();
        const readings = await (
          await fetch(`${api.apiUrl}/devices/10001/readings?from=2026-01-15T00:00:00Z&rollup=5m&sensor_id=55`)
        ).text();
        return page + readings;
      } finally {
        await api.close();
      }
    };
    const a = await snapshot(1);
    assert.equal(await snapshot(1), a);
    assert.notEqual(await snapshot(2), a);
  });

  it('serves a 10,000-device fleet page by page without building it', async () => {
    const api = await startFleetApi({ devices: 10_000, firstDeviceId: 500_000 });
    try {
      const url = `${api.apiUrl}/devices/?q%5Bpostprocessing_id_not_null%5D=1&per_page=100`;
      const first = await getJson<Doc[]>(url, { headers: admin(api) });
      const total = Number(first.headers.get('total'));
      assert.ok(total > 8000 && total < 10_000);
      const lastPage = Math.ceil(total / 100);
      const last = await getJson<Doc[]>(`${url}&page=${lastPage}`, { headers: admin(api) });
      assert.equal(last.body.length, total - (lastPage - 1) * 100);
      assert.ok((last.body.at(-1)?.id ?? 0) <= 509_999);
      assert.equal(first.body[0]?.id, 500_000);
    } finally {
      await api.close();
    }
  });

  it('keeps online devices publishing as the clock moves', async () => {
    let clock = new Date(NOW);
    const api = await startFleetApi({ devices: 5, now: () => clock });
    try {
      const before = api.store.getDevice(10001)?.last_reading_at ?? '';
      const stoppedBefore = api.store.getDevice(10002)?.last_reading_at;
      clock = new Date(Date.parse(NOW) + 10 * 60_000);
      const after = api.store.getDevice(10001)?.last_reading_at ?? '';
      assert.ok(seconds(after) - seconds(before) >= 540, `${before} → ${after}`);
      assert.equal(
        api.store.getDevice(10002)?.last_reading_at,
        stoppedBefore,
        'a caught-up device stays stopped',
      );
    } finally {
      await api.close();
    }
  });
});
