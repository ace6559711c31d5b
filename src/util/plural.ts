/** `1 secret`, `2 secrets`, `1 identity`, `0 identities`: counts in messages read as English. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
