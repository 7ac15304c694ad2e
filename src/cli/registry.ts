// Every scflows command, in --help order. Command modules are imported lazily by each handler.
import type { CommandSpec } from './command.js';
import { autoScheduleCommand } from './commands/auto-schedule.js';
import { devApiCommand } from './commands/dev-api.js';
import { manualScheduleCommand } from './commands/manual-schedule.js';
import { runDeviceCommand } from './commands/run-device.js';
import { runsCommand } from './commands/runs.js';
import { scheduleDevicesCommand } from './commands/schedule-devices.js';
import { clearTasksCommand, listTasksCommand, removeTaskCommand } from './commands/tasks.js';

export const commands: readonly CommandSpec[] = [
  scheduleDevicesCommand,
  autoScheduleCommand,
  manualScheduleCommand,
  listTasksCommand,
  removeTaskCommand,
  clearTasksCommand,
  runDeviceCommand,
  runsCommand,
  devApiCommand,
];
