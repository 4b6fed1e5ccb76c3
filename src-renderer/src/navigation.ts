/** The steps of sending a file, in order. */
export const flowSteps = ['preview', 'map', 'review', 'send'] as const;
export type FlowStep = (typeof flowSteps)[number];

/** Where the user is: the send flow's steps, or one of the side sections. */
export type Screen = 'start' | FlowStep | 'destinations' | 'jobs' | 'history';
