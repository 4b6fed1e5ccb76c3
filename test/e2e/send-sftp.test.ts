import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropFile,
  saveScreenshot,
  seriousA11yViolations,
  startBrowser,
  type BrowserHarness,
} from '../harness/browser';
import { startSshd, type SshdServer } from '../harness/servers/sshd';
import { writeMessyExport } from '../renderer/messy-export';
import { tempHome } from '../harness/temp-home';

// Services run in worker threads on two shared cores: give answers time.
const wait = { timeout: 20_000 };

// The SFTP variant: a hand-made drop, its host key confirmed in a dialog during the connection
// test, the rows with problems left out, the file checked byte for byte on the real sshd.
describe('drop, review, send to SFTP with a host-key confirmation', () => {
  let harness: BrowserHarness;
  let server: SshdServer;
  const dir = tempHome('ui-e2e-sftp-', { shared: true });
  beforeAll(async () => {
    [server, harness] = await Promise.all([
      startSshd({ users: [{ auth: 'password' }] }),
      startBrowser(),
    ]);
  });
  afterAll(async () => {
    await harness?.close();
    await server?.stop();
  });

  it('confirms the host key, then sends only the valid rows', async () => {
    const user = server.users[0]!;
    const file = join(dir.path, 'export.csv');
    await writeMessyExport(file);
    const app = await harness.openApp({ locale: 'fr-BE' });
    const { page } = app;

    // The app speaks French here (the system locale).
    await page.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: 'Ajouter une destination' }).click();
    await page.getByRole('button', { name: /^Autre dépôt FTPS ou SFTP/ }).click();
    await page.getByLabel('Nom', { exact: true }).fill('Partenaire');
    await page.getByLabel('Serveur', { exact: true }).fill(server.host);
    await page.getByLabel('Port').fill(String(server.port));
    await page.getByLabel('Nom d’utilisateur').fill(user.name);
    await page.getByLabel('Mot de passe', { exact: true }).fill(user.password);
    await page.getByLabel('Dossier sur le serveur').fill(user.uploadDir);
    await page.getByRole('button', { name: 'Enregistrer la destination' }).click();
    await page.getByRole('heading', { name: 'Modifier Partenaire' }).waitFor();

    // The connection test stops at the unknown host key and asks, explaining what it means.
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    const dialog = page.getByRole('dialog', { name: 'Est-ce le bon serveur ?' });
    await dialog.waitFor(wait);
    expect(await dialog.getByTestId('fingerprint').textContent()).toBe(server.hostKeyFingerprint);
    expect(await dialog.textContent()).toContain('Le serveur prouve son identité avec une clé');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'host-key-dialog', 'light');
    await saveScreenshot(page, 'host-key-dialog', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    // Keyboard: the safe answer has the focus; Tab reaches the other one.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Ne pas faire confiance'
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Elle correspond : faire confiance à ce serveur'
    );
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('test-result').textContent(), wait)
      .toBe('La connexion fonctionne.');
    expect(await page.locator('[data-step][data-status=ok]').count()).toBeGreaterThanOrEqual(7);
    expect(await page.getByText(server.hostKeyFingerprint).count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'connection-test', 'light');
    await saveScreenshot(page, 'connection-test', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Drop, map (the only configured destination is chosen), leave the bad rows out, send.
    await dropFile(page, file);
    await page.getByRole('button', { name: 'Continuer vers les colonnes' }).click();
    await expect
      .poll(() => page.getByLabel('Email', { exact: true }).inputValue(), wait)
      .toBe('E-mail');
    await page.getByRole('button', { name: 'Continuer vers la vérification' }).click();
    // Each row's problem is said in French too, not only the group's title.
    const emailGroup = page.locator('[data-code="email.invalid"]');
    await emailGroup.getByRole('button', { name: 'Voir les lignes' }).click(wait);
    expect(await emailGroup.locator('.issue-list li .muted').first().textContent()).toBe(
      ' Ligne 6 : « chloe@example » n’est pas une adresse e-mail valide (le domaine après l’@ n’a pas de point, comme dans example.com).'
    );
    await emailGroup.getByRole('button', { name: 'Ligne 6, Email' }).click();
    expect(
      await page
        .getByRole('region', { name: 'Ligne 6 du fichier' })
        .locator('.field__hint')
        .textContent()
    ).toBe(
      'Ligne 6 : « chloe@example » n’est pas une adresse e-mail valide (le domaine après l’@ n’a pas de point, comme dans example.com).'
    );
    await page.getByRole('button', { name: 'Écarter toutes les lignes à problème' }).click(wait);
    // Ready is 4 before and after (rows with an error are never ready): wait for the left-out count.
    await expect.poll(() => page.getByTestId('left-out-count').textContent(), wait).toBe('2');
    expect(await page.getByTestId('ready-count').textContent()).toBe('4');
    await page.getByRole('button', { name: 'Continuer vers l’envoi' }).click();
    const expected = [
      'Email',
      'anne.dupont@example.be',
      'Bart.Peeters@Example.BE',
      'eva.janssens@example.com',
      'françois@example.fr',
    ];
    await expect
      .poll(() => page.getByTestId('first-lines').textContent(), wait)
      .toBe(expected.join('\n'));
    await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await expect
      .poll(() => page.getByTestId('send-outcome').textContent(), { timeout: 60_000 })
      .toContain('Envoyé : 4 lignes livrées, 2 écartées.');

    const names = (await readdir(user.uploadDir)).filter(n => !n.startsWith('.'));
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^export_\d{8}_\d{6}\.csv$/);
    const bytes = await readFile(join(user.uploadDir, names[0]!));
    expect(bytes.equals(Buffer.from(expected.join('\r\n') + '\r\n', 'utf8'))).toBe(true);

    // Next time, the same layout gets the columns confirmed this time.
    await dropFile(page, file);
    await page.getByRole('button', { name: 'Continuer vers les colonnes' }).click();
    await page.getByText('Courier reprend les colonnes que vous avez confirmées').waitFor(wait);
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe('E-mail');
    await app.close();
  }, 180_000);
});
