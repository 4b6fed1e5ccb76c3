import type { Message } from './en';
import type { enErrorMessages } from './error-messages-en';

/** Dutch error messages: exactly the English keys. */
export const nlErrorMessages: Readonly<Record<keyof typeof enErrorMessages, Message>> = {
  'error.read.not-found': 'Courier vindt „{file}” niet. Misschien is het verplaatst of verwijderd.',
  'error.read.permission-denied':
    'Courier mag „{file}” niet lezen. Vraag toegang aan je IT-collega, of kopieer het bestand eerst naar een andere plek.',
  'error.read.empty-file': '„{file}” is leeg.',
  'error.read.not-text':
    '„{file}” is geen tabel die Courier kan lezen. Exporteer het opnieuw als CSV of Excel.',
  'error.read.no-data': '„{file}” heeft een kopregel maar geen rijen.',
  'error.read.too-large': '„{file}” is te groot voor Courier.',
  'error.read.workbook-encrypted':
    '„{file}” is met een wachtwoord beveiligd. Sla een kopie zonder wachtwoord op en probeer opnieuw.',
  'error.read.zip-several-files':
    'De zip „{file}” bevat meerdere bestanden. Stop er maar één export in.',
  'error.connection.refused':
    'De server weigerde de verbinding. Controleer het poortnummer, of vraag de leverancier of de server draait.',
  'error.connection.timeout':
    'De server antwoordde niet op tijd. Misschien blokkeert een firewall de verbinding.',
  'error.connection.name-not-found':
    'De servernaam werd niet gevonden. Controleer de hostnaam of je internetverbinding.',
  'error.connection.lost': 'De verbinding werd verbroken. Probeer opnieuw.',
  'error.auth.login-failed':
    'De server weigerde het aanmelden. Controleer de gebruikersnaam en het wachtwoord of de sleutel.',
  'error.send.busy': 'Er wordt al een bestand verstuurd. Wacht tot het klaar is, of annuleer het.',
};
