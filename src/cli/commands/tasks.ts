// list-tasks, remove-task, clear-tasks.
import { type CommandSpec, contextOf } from '../command.js';

export const listTasksCommand: CommandSpec = {
  command: 'list-tasks',
  describe: 'List scflows cron entries: schedule, next run, enabled, command, log',
  builder: (y) => y.option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
  run: async (args, io) => {
    const { listTasks } = await import('../../commands/list-tasks.js');
    return listTasks({ json: Boolean(args.json) }, contextOf(io));
  },
};

export const removeTaskCommand: CommandSpec = {
  command: 'remove-task <name>',
  describe: 'Remove one scflows entry (e.g. run-device:90101) from the tabfile and the crontab',
  builder: (y) => y.positional('name', { type: 'string', describe: 'Task name as shown by list-tasks' }),
  run: async (args, io) => {
    const { removeTask } = await import('../../commands/remove-task.js');
    return removeTask({ name: String(args.name) }, contextOf(io));
  },
};

export const clearTasksCommand: CommandSpec = {
  command: 'clear-tasks',
  describe: 'Remove every scflows entry (other crontab entries are kept)',
  builder: (y) =>
    y.option('plan', { type: 'boolean', default: false, describe: 'Show the diff, change nothing' }),
  run: async (args, io) => {
    const { clearTasks } = await import('../../commands/clear-tasks.js');
    return clearTasks({ plan: Boolean(args.plan) }, contextOf(io));
  },
};
