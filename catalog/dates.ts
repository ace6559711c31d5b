/** A date-only expiry (YYYY-MM-DD) is valid through the end of that day, UTC. */
export function isPastDate(date: string, now: Date): boolean {
  const end = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T23:59:59.999Z`) : Date.parse(date);
  return Number.isNaN(end) || end < now.getTime();
}
