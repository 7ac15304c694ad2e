// Hardware slot + serial -> kwargs merged into blueprint metrics (spec §2.3).
import { HardwareError } from '../errors.js';
import { familyOf } from '../functions/alphasense-tables.js';

export interface SlotMerge {
  /** Blueprint metric receiving the kwargs. */
  readonly metric: string;
  readonly kwargs: Readonly<Record<string, unknown>>;
}

const SLOT = /^(AS|PT)_([0-9A-F]{2})_([0-3])([0-3])$/;

/**
 * The merges of one slot. `AS_<addr>_<w><a>`: the gas metric (we, ae, t, alphasense_id) and its
 * `<gas>_WE` / `<gas>_AE` channel metrics; `PT_<addr>_<p><m>`: ASPT1000 and PT1000_POS. An unknown slot,
 * an unknown Alphasense code or a "nan" serial is a HardwareError naming slot and serial (quirk Q9 fixed).
 */
export function slotMerges(slot: string, serial: string, label: string): SlotMerge[] {
  const match = SLOT.exec(slot);
  if (!match)
    throw new HardwareError(
      `${label}: slot '${slot}' (serial '${serial}') is not an AS_xx_yy or PT_xx_yy slot`,
    );
  if (serial.trim() === '' || serial.trim().toLowerCase() === 'nan') {
    throw new HardwareError(`${label}: slot ${slot} has no sensor serial ('${serial}')`);
  }
  const [, kind, addr, first, second] = match;
  const plus = `ADC_${addr}_${first}`;
  const minus = `ADC_${addr}_${second}`;
  if (kind === 'PT') {
    return [
      { metric: 'ASPT1000', kwargs: { pt1000plus: plus, pt1000minus: minus, afe_id: serial } },
      { metric: 'PT1000_POS', kwargs: { channel: plus } },
    ];
  }
  const family = familyOf(serial);
  if (family === undefined) {
    throw new HardwareError(
      `${label}: slot ${slot} serial '${serial}' has no known Alphasense code ('${serial.slice(0, 3)}')`,
    );
  }
  const gas = family.split('_')[1]!;
  return [
    {
      metric: gas === 'OX' ? 'O3' : gas,
      kwargs: { we: plus, ae: minus, t: 'EC_SENSOR_TEMP', alphasense_id: serial },
    },
    { metric: `${gas}_WE`, kwargs: { channel: plus } },
    { metric: `${gas}_AE`, kwargs: { channel: minus } },
  ];
}
