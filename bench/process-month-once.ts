// Entry run alone (bundled, plain node) under GNU time: the peak RSS of processing one device-month.
import { processMonthOnce } from './process.js';

process.stdout.write(`${processMonthOnce()} columns\n`);
