/** What main's own dialog asks before a destination's saved secrets may go to its new server. */
export type KeepSecretQuestion = Readonly<{
  title: string;
  message: string;
  detail: string;
  buttons: [string, string];
}>;

const words = {
  en: (name: string, from: string, to: string): KeepSecretQuestion => ({
    title: 'Use the saved password for the new server?',
    message: `Send the saved password of “${name}” to ${to}?`,
    detail: `It was entered for ${from}. Only say yes if this is the same account, moved to a new address.`,
    buttons: ['Use the saved password', 'Cancel'],
  }),
  fr: (name: string, from: string, to: string): KeepSecretQuestion => ({
    title: 'Utiliser le mot de passe enregistré pour le nouveau serveur ?',
    message: `Envoyer le mot de passe enregistré de « ${name} » à ${to} ?`,
    detail: `Il a été saisi pour ${from}. Ne répondez oui que s’il s’agit du même compte, à une nouvelle adresse.`,
    buttons: ['Utiliser le mot de passe enregistré', 'Annuler'],
  }),
  nl: (name: string, from: string, to: string): KeepSecretQuestion => ({
    title: 'Het bewaarde wachtwoord gebruiken voor de nieuwe server?',
    message: `Het bewaarde wachtwoord van “${name}” naar ${to} sturen?`,
    detail: `Het werd ingevoerd voor ${from}. Zeg alleen ja als het om hetzelfde account op een nieuw adres gaat.`,
    buttons: ['Bewaarde wachtwoord gebruiken', 'Annuleren'],
  }),
} as const;

/**
 * The question in the person's language (main shows it, so the page cannot answer it for them).
 */
export function keepSecretQuestion(
  locale: string,
  change: Readonly<{ name: string; from: string; to: string }>
): KeepSecretQuestion {
  const language = locale.slice(0, 2).toLowerCase();
  const say = language === 'fr' ? words.fr : language === 'nl' ? words.nl : words.en;
  return say(change.name, change.from, change.to);
}
