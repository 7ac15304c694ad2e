// Places for simulated devices: a few cities with coordinates, and the geohash the API reports.

/** City, country code, country, latitude, longitude, elevation (m). */
export type City = readonly [string, string, string, number, number, number];

export const CITIES: readonly City[] = [
  ['Barcelona', 'ES', 'Spain', 41.3874, 2.1686, 12],
  ['Amsterdam', 'NL', 'Netherlands', 52.3676, 4.9041, -2],
  ['Manchester', 'GB', 'United Kingdom', 53.4808, -2.2426, 38],
  ['Berlin', 'DE', 'Germany', 52.52, 13.405, 34],
  ['Milano', 'IT', 'Italy', 45.4642, 9.19, 120],
  ['Lisboa', 'PT', 'Portugal', 38.7223, -9.1393, 45],
  ['Oslo', 'NO', 'Norway', 59.9139, 10.7522, 23],
  ['Santiago', 'CL', 'Chile', -33.4489, -70.6693, 570],
];

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

/** Geohash of a position (10 characters by default). */
export function geohash(latitude: number, longitude: number, length = 10): string {
  let lat: [number, number] = [-90, 90];
  let lon: [number, number] = [-180, 180];
  let out = '';
  let bits = 0;
  let value = 0;
  let even = true;
  while (out.length < length) {
    const range = even ? lon : lat;
    const coordinate = even ? longitude : latitude;
    const mid = (range[0] + range[1]) / 2;
    value <<= 1;
    if (coordinate >= mid) {
      value |= 1;
      if (even) lon = [mid, lon[1]];
      else lat = [mid, lat[1]];
    } else if (even) lon = [lon[0], mid];
    else lat = [lat[0], mid];
    even = !even;
    if (++bits === 5) {
      out += BASE32[value];
      bits = 0;
      value = 0;
    }
  }
  return out;
}
