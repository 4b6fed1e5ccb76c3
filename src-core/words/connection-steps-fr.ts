import type { Message } from './message';
import type { enConnectionSteps } from './connection-steps-en';

/** French connection-test step texts and advice: exactly the English keys. */
export const frConnectionSteps: Readonly<Record<keyof typeof enConnectionSteps, Message>> = {
  'connection.protocol.sftp': 'SFTP, port {port}.',
  'connection.protocol.ftps': 'FTPS explicite, port {port}.',
  'connection.protocol.ftps-implicit': 'FTPS implicite, port {port}.',
  'connection.protocol.ftp':
    'FTP simple : le mot de passe et le fichier circulent sans chiffrement.',
  'connection.proxy.ok': 'Proxy {proxy} joint ; il se connecte à {server}.',
  'connection.lookup.ok': '{host} correspond à l’adresse {address}.',
  'connection.tcp.ok': 'Le serveur répond sur le port {port}.',
  'connection.handshake.ok': 'La connexion est chiffrée (la négociation {handshake} a réussi).',
  'connection.handshake.ok-version':
    'La connexion est chiffrée (la négociation {handshake} a réussi, {version}).',
  'connection.trust.host-key-pinned': 'La clé d’hôte est bien celle retenue ({fingerprint}).',
  'connection.trust.certificate-trusted': 'Le certificat est reconnu.',
  'connection.trust.certificate-pinned': 'Le certificat est bien celui retenu.',
  'connection.trust.plain-ftp': 'FTP simple : rien à vérifier.',
  'connection.trust.certificate-authority':
    'Le certificat est signé par une autorité reconnue par cet ordinateur.',
  'connection.login.ok': 'Connecté en tant que {user}.',
  'connection.folder.ok': 'Le dossier {folder} existe.',
  'connection.data-connection.ok':
    'Les fichiers peuvent aller jusqu’au serveur (la connexion de données passive fonctionne).',
  'connection.data-connection.tls12':
    'Le serveur exige la réutilisation de session sur les connexions de données ; Courier a réessayé en TLS 1.2 et cela a fonctionné. Cette destination utilisera TLS 1.2.',
  'connection.write.ok': 'Un fichier de test a pu être écrit dans le dossier, puis supprimé.',
  'connection.write.ok-no-dot-names':
    'Un fichier de test a pu être écrit dans le dossier, puis supprimé. Le serveur refuse les noms qui commencent par un point : Courier envoie donc sous des noms temporaires sans point.',
  'connection.skipped.earlier-failed': 'Non testé (une étape précédente a échoué).',
  'connection.skipped.data-connection-failed': 'Non testé (la connexion de données a échoué).',
  'connection.advice.connection.name-not-found':
    'Vérifiez l’orthographe du nom du serveur, ou demandez au fournisseur le nom d’hôte exact.',
  'connection.advice.connection.refused':
    'Vérifiez le port, et s’il s’agit de FTPS explicite (en général 21), de FTPS implicite (990) ou de SFTP (22). Demandez au fournisseur si le serveur fonctionne.',
  'connection.advice.connection.timeout':
    'Un pare-feu (le vôtre ou celui du fournisseur) bloque peut-être le port. Demandez à votre service informatique, ou demandez au fournisseur d’autoriser votre adresse IP.',
  'connection.advice.proxy.unreachable':
    'Vérifiez l’adresse et le port du proxy, ou demandez à votre service informatique quel proxy utiliser.',
  'connection.advice.proxy.auth-failed':
    'Vérifiez l’utilisateur et le mot de passe du proxy (souvent votre compte réseau). Demandez à votre service informatique si vous ne les connaissez pas.',
  'connection.advice.proxy.refused':
    'Demandez à votre service informatique d’autoriser le proxy à se connecter à ce serveur et à ce port (SFTP 22, FTPS 21 ou 990, et les ports passifs).',
  'connection.advice.proxy.password-missing':
    'Saisissez le mot de passe du proxy pour cette destination.',
  'connection.advice.proxy.timeout':
    'Le proxy n’a pas répondu. Demandez à votre service informatique s’il fonctionne.',
  'connection.advice.connection.unreachable': 'Vérifiez votre connexion réseau.',
  'connection.advice.connection.tls-failed':
    'Vérifiez si le serveur utilise le FTPS explicite (AUTH TLS, en général port 21) ou le FTPS implicite (en général port 990).',
  'connection.advice.trust.unknown-certificate':
    'Demandez au fournisseur de confirmer l’empreinte du certificat affichée, puis confirmez-la dans Courier.',
  'connection.advice.trust.certificate-changed':
    'Demandez au fournisseur s’il a remplacé son certificat, et obtenez la nouvelle empreinte directement auprès de lui.',
  'connection.advice.trust.unknown-host-key':
    'Demandez au fournisseur de confirmer l’empreinte de la clé d’hôte affichée, puis confirmez-la dans Courier.',
  'connection.advice.trust.host-key-changed':
    'Demandez au fournisseur s’il a changé la clé d’hôte du serveur, et obtenez la nouvelle empreinte directement auprès de lui.',
  'connection.advice.auth.login-failed':
    'Vérifiez le nom d’utilisateur et le mot de passe (ou la clé). Demandez au fournisseur de confirmer que le compte est actif.',
  'connection.advice.auth.key-unreadable': 'Vérifiez le fichier de clé et sa phrase secrète.',
  'connection.advice.auth.key-missing':
    'Importez ou choisissez la clé privée de cette destination.',
  'connection.advice.auth.password-missing': 'Saisissez le mot de passe de cette destination.',
  'connection.advice.transfer.not-found':
    'Vérifiez le dossier de la destination, ou demandez au fournisseur le dossier exact.',
  'connection.advice.transfer.folder-missing':
    'Vérifiez le dossier de la destination, ou demandez au fournisseur le dossier exact.',
  'connection.advice.transfer.folder-not-writable':
    'Demandez au fournisseur de donner à ce compte un accès en écriture au dossier.',
  'connection.advice.connection.lost':
    'Le serveur a fermé la connexion de données : demandez au fournisseur si les ports du mode passif sont ouverts sur son pare-feu.',
  'connection.advice.transfer.plain-ftp-refused':
    'Demandez au fournisseur un accès FTPS ou SFTP, ou autorisez le FTP simple pour cette destination si vous en acceptez le risque.',
};
