// Where run-device gets its data documents from (the on-disk cache in production), and the document
// URLs of a data base: calibrations and names always come from SC_DATA_URL.

export interface DocumentSource {
  get(url: string): Promise<{ text: string; source: string }>;
}

/** URL of calibrations.json under a data base URL. */
export function calibrationsUrl(dataUrl: string): string {
  return `${dataUrl}/calibrations/calibrations.json`;
}

/** URL of the names table (SCDevice.json) under a data base URL. */
export function namesUrl(dataUrl: string): string {
  return `${dataUrl}/names/SCDevice.json`;
}
