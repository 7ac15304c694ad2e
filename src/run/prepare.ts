// Before any reading is loaded: fetch the device, check its postprocessing record, fetch and validate
// the hardware, blueprint, calibrations and names documents, resolve the metrics and the sensors to load.
// Every way this can fail is an outcome (spec processing.md §1.3 crashes mapped to states).
import { documentUrl, findUrl, resolveHardwareUrl } from '../api/documents.js';
import type { DeviceDoc } from '../api/types.js';
import { AppError, describeError } from '../errors.js';
import type { Hardware } from '../process/index.js';
import { calibrationsUrl, namesUrl } from './documents.js';
import type { RunOutcome, RunProgress } from './outcome.js';
import type { RunDeviceDeps } from './run-device.js';
import { type DevicePlan, planDevice, readHardware } from './scdata.js';

export interface Prepared {
  device: DeviceDoc;
  plan: DevicePlan;
}

/** The device and its processing plan, or the outcome that ends the run before loading. */
export async function prepareRun(
  deviceId: number,
  devicePromise: Promise<DeviceDoc>,
  deps: RunDeviceDeps,
  progress: RunProgress,
): Promise<Prepared | RunOutcome> {
  const { documents, config } = deps;
  const abort = (reason: 'DEVICE_NOT_VALID' | 'NOT_VALID_FOR_PROCESSING', message: string): RunOutcome => ({
    kind: 'aborted',
    reason,
    message,
    progress,
  });
  const unavailable = (error: unknown): RunOutcome => ({
    kind: 'failed',
    reason: 'API_UNAVAILABLE',
    message: describeError(error),
    progress,
  });
  const transient = (error: unknown) => error instanceof AppError && error.retryable;

  let device: DeviceDoc;
  try {
    device = await devicePromise;
  } catch (error) {
    if (error instanceof AppError && error.code === 'E_API_NOT_FOUND') {
      return abort('DEVICE_NOT_VALID', `device ${deviceId} not found (HTTP 404)`);
    }
    if (error instanceof AppError && error.code === 'E_API_BAD_RESPONSE')
      return abort('DEVICE_NOT_VALID', error.message);
    return unavailable(error);
  }
  const pp = device.postprocessing;
  if (pp === null)
    return abort('NOT_VALID_FOR_PROCESSING', `device ${deviceId} has no postprocessing record`);
  const hardware = resolveHardwareUrl(pp.hardware_url, config.dataUrl);
  if (!hardware)
    return abort('NOT_VALID_FOR_PROCESSING', `device ${deviceId}: postprocessing has no hardware_url`);

  const fetchText = async (url: string) => (await documents.get(url)).text;
  let hardwareText: string;
  try {
    hardwareText = await fetchText(hardware.fetch);
  } catch (error) {
    if (transient(error)) return unavailable(error);
    return abort(
      'NOT_VALID_FOR_PROCESSING',
      `hardware document ${hardware.canonical} unavailable: ${describeError(error)}`,
    );
  }
  // The hardware document must parse (spec §6.3), whether or not the device names its own blueprint.
  let hardwareDoc: Hardware;
  try {
    hardwareDoc = readHardware(hardwareText, hardware.canonical);
  } catch (error) {
    return abort('NOT_VALID_FOR_PROCESSING', describeError(error));
  }
  const blueprintUrl = findUrl(pp.blueprint_url) ?? findUrl(hardwareDoc.blueprintUrl);
  if (!blueprintUrl) {
    return abort(
      'NOT_VALID_FOR_PROCESSING',
      `device ${deviceId}: no blueprint URL in postprocessing or hardware`,
    );
  }
  let texts: { blueprint: string; calibrations: string; names: string };
  try {
    const [blueprint, calibrations, names] = await Promise.all([
      fetchText(documentUrl(blueprintUrl, config.dataUrl)),
      fetchText(calibrationsUrl(config.dataUrl)),
      fetchText(namesUrl(config.dataUrl)),
    ]);
    texts = { blueprint, calibrations, names };
  } catch (error) {
    if (transient(error)) return unavailable(error);
    return abort('DEVICE_NOT_VALID', `document unavailable: ${describeError(error)}`);
  }
  let plan: DevicePlan;
  try {
    plan = planDevice({
      device,
      hardwareUrl: hardware.canonical,
      hardware: hardwareDoc,
      blueprintUrl,
      ...texts,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const reason = error.code === 'E_HARDWARE' ? 'NOT_VALID_FOR_PROCESSING' : 'DEVICE_NOT_VALID';
    return abort(reason, error.message);
  }
  return { device, plan };
}
