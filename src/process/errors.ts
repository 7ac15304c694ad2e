// Typed errors of metric resolution and table preparation. All of them mean "this device cannot be
// processed as described" and map to the run state ABORTED / DEVICE_NOT_VALID.
import { AppError, type AppErrorOptions, ExitCode } from '../errors.js';

/** A blueprint, hardware, calibrations or names document (or the device JSON) has the wrong shape. */
export class DocumentError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('E_DOCUMENT', ExitCode.deviceNotValid, message, options);
  }
}

/** A hardware description names a slot or sensor serial that cannot be mapped to metric kwargs. */
export class HardwareError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('E_HARDWARE', ExitCode.deviceNotValid, message, options);
  }
}

/** A blueprint cannot be run: unknown function, dependency cycle, unknown dependency. */
export class BlueprintError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('E_BLUEPRINT', ExitCode.deviceNotValid, message, options);
  }
}

/** A loaded sensor has a unit the unit table cannot convert to its canonical unit. */
export class UnitError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('E_UNIT', ExitCode.deviceNotValid, message, options);
  }
}
