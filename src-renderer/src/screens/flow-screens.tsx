import { Steps } from '../components/steps';
import type { Screen } from '../shell';

/** The steps of sending a file, in order. */
export const flowSteps = ['preview', 'map', 'review', 'send'] as const;
export type FlowStep = (typeof flowSteps)[number];

/** The send flow for one file: preview, map, review, send. */
export function FlowScreens(props: { step: FlowStep; path: string; go: (screen: Screen) => void }) {
  const name = props.path.split(/[\\/]/).pop() ?? props.path;
  return (
    <section className="screen screen--wide">
      <Steps current={props.step} />
      <h1 tabIndex={-1}>{name}</h1>
    </section>
  );
}
