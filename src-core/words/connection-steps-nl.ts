import type { Message } from './message';
import type { enConnectionSteps } from './connection-steps-en';

/** Dutch connection-test step texts and advice: exactly the English keys. */
export const nlConnectionSteps: Readonly<Record<keyof typeof enConnectionSteps, Message>> = {
  'connection.protocol.sftp': 'SFTP, poort {port}.',
  'connection.protocol.ftps': 'Expliciete FTPS, poort {port}.',
  'connection.protocol.ftps-implicit': 'Impliciete FTPS, poort {port}.',
  'connection.protocol.ftp':
    'Gewone FTP: het wachtwoord en het bestand gaan onversleuteld over het netwerk.',
  'connection.proxy.ok': 'Proxy {proxy} bereikt; hij verbindt met {server}.',
  'connection.lookup.ok': '{host} heeft het adres {address}.',
  'connection.tcp.ok': 'De server antwoordt op poort {port}.',
  'connection.handshake.ok': 'De verbinding is versleuteld (de {handshake}-handshake is gelukt).',
  'connection.handshake.ok-version':
    'De verbinding is versleuteld (de {handshake}-handshake is gelukt, {version}).',
  'connection.trust.host-key-pinned': 'De hostsleutel is de bevestigde ({fingerprint}).',
  'connection.trust.certificate-trusted': 'Het certificaat wordt vertrouwd.',
  'connection.trust.certificate-pinned': 'Het certificaat is het bevestigde.',
  'connection.trust.plain-ftp': 'Gewone FTP: niets te controleren.',
  'connection.trust.certificate-authority':
    'Het certificaat is ondertekend door een instantie die deze computer vertrouwt.',
  'connection.login.ok': 'Aangemeld als {user}.',
  'connection.folder.ok': 'De map {folder} bestaat.',
  'connection.data-connection.ok':
    'Bestanden kunnen tot bij de server (de passieve dataverbinding werkt).',
  'connection.data-connection.tls12':
    'De server eist hergebruik van de sessie op dataverbindingen; Courier probeerde opnieuw met TLS 1.2 en dat werkte. Deze bestemming gebruikt voortaan TLS 1.2.',
  'connection.write.ok': 'Er kon een testbestand in de map worden geschreven en weer verwijderd.',
  'connection.write.ok-no-dot-names':
    'Er kon een testbestand in de map worden geschreven en weer verwijderd. De server weigert namen die met een punt beginnen, dus Courier uploadt onder tijdelijke namen zonder punt.',
  'connection.skipped.earlier-failed': 'Niet getest (een eerdere stap is mislukt).',
  'connection.skipped.data-connection-failed': 'Niet getest (de dataverbinding is mislukt).',
  'connection.advice.connection.name-not-found':
    'Controleer de spelling van de servernaam, of vraag de leverancier de exacte hostnaam.',
  'connection.advice.connection.refused':
    'Controleer de poort, en of het om expliciete FTPS (meestal 21), impliciete FTPS (990) of SFTP (22) gaat. Vraag de leverancier of de server draait.',
  'connection.advice.connection.timeout':
    'Misschien blokkeert een firewall (van jou of van de leverancier) de poort. Vraag het je IT-afdeling, of vraag de leverancier je IP-adres toe te laten.',
  'connection.advice.proxy.unreachable':
    'Controleer het adres en de poort van de proxy, of vraag je IT-afdeling welke proxy je moet gebruiken.',
  'connection.advice.proxy.auth-failed':
    'Controleer de gebruiker en het wachtwoord van de proxy (vaak je netwerkaccount). Vraag het je IT-afdeling als je ze niet kent.',
  'connection.advice.proxy.refused':
    'Vraag je IT-afdeling om de proxy te laten verbinden met deze server en poort (SFTP 22, FTPS 21 of 990, en de passieve poorten).',
  'connection.advice.proxy.password-missing': 'Voer het proxywachtwoord voor deze bestemming in.',
  'connection.advice.proxy.timeout': 'De proxy antwoordde niet. Vraag je IT-afdeling of hij werkt.',
  'connection.advice.connection.unreachable': 'Controleer je netwerkverbinding.',
  'connection.advice.connection.tls-failed':
    'Controleer of de server expliciete FTPS (AUTH TLS, meestal poort 21) of impliciete FTPS (meestal poort 990) gebruikt.',
  'connection.advice.trust.unknown-certificate':
    'Vraag de leverancier de getoonde vingerafdruk van het certificaat te bevestigen, en bevestig hem dan in Courier.',
  'connection.advice.trust.certificate-changed':
    'Vraag de leverancier of hij zijn certificaat heeft vervangen, en vraag de nieuwe vingerafdruk rechtstreeks aan hem.',
  'connection.advice.trust.unknown-host-key':
    'Vraag de leverancier de getoonde vingerafdruk van de hostsleutel te bevestigen, en bevestig hem dan in Courier.',
  'connection.advice.trust.host-key-changed':
    'Vraag de leverancier of hij de hostsleutel van de server heeft veranderd, en vraag de nieuwe vingerafdruk rechtstreeks aan hem.',
  'connection.advice.auth.login-failed':
    'Controleer de gebruikersnaam en het wachtwoord (of de sleutel). Vraag de leverancier te bevestigen dat het account actief is.',
  'connection.advice.auth.key-unreadable': 'Controleer het sleutelbestand en de wachtwoordzin.',
  'connection.advice.auth.key-missing': 'Importeer of kies de privésleutel voor deze bestemming.',
  'connection.advice.auth.password-missing': 'Vul het wachtwoord voor deze bestemming in.',
  'connection.advice.transfer.not-found':
    'Controleer de map in de bestemming, of vraag de leverancier de exacte map.',
  'connection.advice.transfer.folder-missing':
    'Controleer de map in de bestemming, of vraag de leverancier de exacte map.',
  'connection.advice.transfer.folder-not-writable':
    'Vraag de leverancier dit account schrijfrechten op de map te geven.',
  'connection.advice.connection.lost':
    'De server sloot de dataverbinding: vraag de leverancier of de poorten voor passieve modus open staan in zijn firewall.',
  'connection.advice.transfer.plain-ftp-refused':
    'Vraag de leverancier om FTPS- of SFTP-toegang, of sta gewone FTP toe voor deze bestemming als je het risico aanvaardt.',
};
