/** What main says after Help → Copy diagnostic information, in the UI's language. */
export function diagnosticsCopied(locale: string): string {
  switch (locale.slice(0, 2)) {
    case 'fr':
      return 'Les informations de diagnostic sont copiées. Collez-les dans votre demande d’assistance ; elles ne contiennent ni mot de passe, ni nom d’utilisateur, ni serveur.';
    case 'nl':
      return 'De diagnostische gegevens zijn gekopieerd. Plak ze in uw supportaanvraag; ze bevatten geen wachtwoord, gebruikersnaam of server.';
    default:
      return 'The diagnostic information is copied. Paste it into your support request; it holds no password, user name or server.';
  }
}
