/** A labelled progress bar; `value` null means "working, amount unknown". */
export function ProgressBar(props: { label: string; value: number | null; detail?: string }) {
  const percent =
    props.value === null ? null : Math.round(Math.min(1, Math.max(0, props.value)) * 100);
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={props.detail}
      >
        <div className="progress__bar" style={{ width: `${percent ?? 100}%` }} />
      </div>
      {props.detail && <div className="muted small">{props.detail}</div>}
    </div>
  );
}
