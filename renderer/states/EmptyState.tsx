/** Nothing to show, said plainly: empty is a normal state, not a failure. */
export function EmptyState({ message, testId }: { message: string; testId?: string }) {
  return (
    <div className="state state--empty" data-testid={testId}>
      <span>{message}</span>
    </div>
  );
}
