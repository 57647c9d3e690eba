/** Error for a choice field (enum): "må velges" when nothing was chosen, else what is allowed. */
export function choiceError(allowed: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined || issue.input === null || issue.input === '' ? 'må velges' : allowed);
}
