/** One of the board's filter drop-downs: "<label>: all" first, then the choices. */
export function FilterSelect({
  label,
  allLabel,
  testId,
  value,
  options,
  onChange,
}: {
  label: string;
  allLabel: string;
  testId: string;
  value: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange(value: string): void;
}) {
  return (
    <select
      className="input"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value)}
      aria-label={label}
      data-testid={testId}
    >
      <option value="">{allLabel}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
