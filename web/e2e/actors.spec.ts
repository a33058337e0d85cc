// Innovation actors and site projects: the Gwanggyo cluster page and the partner search, in Korean.
import { expect, test } from './support/fixtures';

test('the Gwanggyo cluster shows its actors by sector and the bio site; /partners finds the hospital', async ({ page, pageErrors, signIn }) => {
  await page.goto('/clusters/gwanggyo');
  await signIn('demo-viewer');
  await expect(page).toHaveURL((url) => url.pathname === '/clusters/gwanggyo');
  const actors = page.getByTestId('cluster-actors');
  await expect(actors.getByRole('heading', { name: '혁신 주체 (산·학·연·병)' })).toBeVisible();
  await expect(actors.locator('[data-sector="hospital"] dd')).toHaveText('1');
  await expect(actors.getByRole('link', { name: '아주대학교병원' })).toBeVisible();
  const site = page.getByTestId('site-project');
  await expect(site.getByText('광교테크노밸리 바이오 부지 개발')).toBeVisible();
  await expect(site.getByText('경기도 수원시 영통구 이의동 919')).toBeVisible();
  await expect(site.getByText('지하 4층 · 지상 16층')).toBeVisible();
  await expect(site.getByText('경기주택도시공사', { exact: true })).toBeVisible();

  await actors.getByTestId('cluster-partners-link').click();
  await expect(page.getByRole('heading', { name: '협력 파트너 찾기' })).toBeVisible();
  await page.getByTestId('partner-sector').selectOption('hospital');
  await page.getByRole('button', { name: '찾기' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('sector') === 'hospital' && url.searchParams.get('clusterCode') === 'gwanggyo');
  await expect(page.getByTestId('partner-row')).toHaveCount(1);
  await expect(page.getByTestId('partner-row').getByRole('link', { name: '아주대학교병원' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});
