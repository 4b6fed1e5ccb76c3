import type { Run } from '../../../src-core/history/run';

/**
 * The notification of a job quiet for its `warnAfterDays` (nothing new has come), in the user's
 * language (English, French or Dutch), from the run's warning params.
 */
export function quietNotificationText(run: Run, locale = 'en'): { title: string; body: string } {
  const job = String(run.warning?.params?.job ?? run.job?.name ?? '');
  const days = Number(run.warning?.params?.days ?? 0);
  const since = String(run.warning?.params?.day ?? '');
  switch (locale.slice(0, 2).toLowerCase()) {
    case 'fr':
      return {
        title: `« ${job} » : rien de nouveau depuis ${days} jours`,
        body: `Aucun nouveau fichier n’est arrivé depuis le ${since}. Vérifiez que l’export que la tâche attend est toujours produit. Cliquez pour voir l’exécution.`,
      };
    case 'nl':
      return {
        title: `„${job}”: al ${days} dagen niets nieuws`,
        body: `Sinds ${since} is er geen nieuw bestand gekomen. Controleer of de export waarop de taak wacht nog gemaakt wordt. Klik om de uitvoering te zien.`,
      };
    default:
      return {
        title: `“${job}”: nothing new for ${days} days`,
        body: `No new file has come since ${since}. Check that the export it waits for is still made. Click to see the run.`,
      };
  }
}
