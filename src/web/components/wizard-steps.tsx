/** The steps of a wizard (the imports), the current one marked for assistive technology. */
export function WizardSteps<S extends string>(props: {
  label: string;
  steps: readonly S[];
  current: S;
  name: (step: S) => string;
}) {
  const at = props.steps.indexOf(props.current);
  return (
    <ol className="wizard-steps" aria-label={props.label}>
      {props.steps.map((step, index) => (
        <li
          key={step}
          className={step === props.current ? 'current' : at > index ? 'done' : ''}
          aria-current={step === props.current ? 'step' : undefined}
        >
          {props.name(step)}
        </li>
      ))}
    </ol>
  );
}
