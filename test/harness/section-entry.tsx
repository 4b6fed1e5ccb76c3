import { StrictMode, useState, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import type { Destination } from '../../src-core/destinations/destination';
import { I18nProvider, type Language } from '../../src-renderer/src/i18n/i18n';
import { FileTypeSection } from '../../src-renderer/src/screens/destination-editor/file-type-section';
import { ReportsSection } from '../../src-renderer/src/screens/destination-editor/reports-section';
import { RecordingsSection } from '../../src-renderer/src/screens/destination-editor/recordings-section';
import { RelatedFilesSection } from '../../src-renderer/src/screens/destination-editor/related-files-section';
import { NumbersAndDatesSection } from '../../src-renderer/src/screens/destination-editor/numbers-and-dates-section';
import '../../src-renderer/src/styles.css';

type Section = ComponentType<{ destination: Destination; onChange: (next: Destination) => void }>;

/** The destination-editor sections a test can mount on its own. */
const sections: Record<string, Section> = {
  'numbers-and-dates': NumbersAndDatesSection,
  'file-type': FileTypeSection,
  reports: ReportsSection,
  recordings: RecordingsSection,
  related: RelatedFilesSection,
};

type Mounted = { changes: Destination[]; current: Destination };
const state: Mounted = { changes: [], current: undefined as unknown as Destination };

/** Holds the destination as an editor would: every change is kept and fed back. */
function Host(props: { section: Section; destination: Destination }) {
  const [destination, setDestination] = useState(props.destination);
  const Section = props.section;
  return (
    <Section
      destination={destination}
      onChange={next => {
        state.changes.push(next);
        state.current = next;
        setDestination(next);
      }}
    />
  );
}

/** Mounts one section in the page's #root, in a language, around a destination. */
export function mount(
  name: string,
  destination: Destination,
  language: Language,
  locale: string,
  container = 'root'
) {
  const section = sections[name];
  if (!section) throw new Error(`No section “${name}”.`);
  state.changes = [];
  state.current = destination;
  createRoot(document.getElementById(container)!).render(
    <StrictMode>
      <I18nProvider language={language} systemLocale={locale}>
        <Host section={section} destination={destination} />
      </I18nProvider>
    </StrictMode>
  );
}

/** The destination as the section last changed it, and how many changes it made. */
export function current(): Mounted {
  return state;
}
