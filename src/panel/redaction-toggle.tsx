interface RedactionToggleProps {
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}

/** Renders the "Redact secrets" checkbox, which every export (reports and HAR) follows. */
export function RedactionToggle({ checked, onChange }: RedactionToggleProps) {
  return (
    <label
      class="redaction-toggle"
      title="Replace cookies, Authorization values and secret-looking query parameters with [redacted] in every export"
    >
      <input
        type="checkbox"
        data-testid="redact-secrets"
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      Redact secrets
    </label>
  );
}
