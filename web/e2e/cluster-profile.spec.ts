// The cluster profile and the map of Korea (issue 20 items 5 and 6): a cluster's figures as trend charts with Korean
// labels, the comparison with a table, the council's timeline; the map drawn offline from the shipped boundary file,
// its dots opening the clusters (by mouse and by keyboard).
import type { Page } from '@playwright/test';
import { expect, RUN, screenshot, test } from './support/fixtures';

async function antiforgery(page: Page): Promise<Record<string, string>> {
  const { headerName, token } = await (await page.request.get('/api/v1/auth/antiforgery')).json();
  return { [headerName]: token };
}

/** Records one year's figures of a cluster through the API (replacing them when a test before already wrote that year). */
async function putFigures(page: Page, clusterId: number, year: number, figures: Record<string, number>): Promise<void> {
  const current = await page.request.get(`/api/v1/clusters/${clusterId}/indicators/${year}`);
  const ifMatch: Record<string, string> = current.status() === 200 ? { 'If-Match': current.headers()['etag'] } : {};
  const response = await page.request.put(`/api/v1/clusters/${clusterId}/indicators/${year}`, {
    headers: { ...(await antiforgery(page)), ...ifMatch },
    data: figures,
  });
  expect([200, 201], await response.text()).toContain(response.status());
}

test('a cluster shows its figures over the years, the comparison and its timeline; the map opens the clusters', async ({ page, pageErrors, signIn }) => {
  await page.goto('/clusters/gwanggyo');
  await signIn('demo-secretariat');
  await expect(page).toHaveURL((url) => url.pathname === '/clusters/gwanggyo');

  const gwanggyo = (await (await page.request.get('/api/v1/clusters/by-code/gwanggyo')).json()).id as number;
  const osong = (await (await page.request.get('/api/v1/clusters/by-code/osong')).json()).id as number;
  await putFigures(page, gwanggyo, 2022, { companies: 180, employees: 5200, revenueMillionKrw: 1_250_000 });
  await putFigures(page, gwanggyo, 2023, { companies: 205, employees: 5900, revenueMillionKrw: 1_480_000 });
  await putFigures(page, gwanggyo, 2024, { companies: 231, employees: 6400, revenueMillionKrw: 1_730_000 });
  await putFigures(page, osong, 2024, { companies: 260, employees: 7100 });
  const title = `광교 바이오 실증 규제 개선 ${RUN}`;
  const raised = await page.request.post('/api/v1/regulatory-issues', {
    headers: await antiforgery(page),
    data: {
      titleKo: title,
      problemKo: '실증 특례 범위가 좁아 입주 기업의 바이오 융합 제품 실증이 늦어집니다.',
      proposalKo: '실증 특례 적용 범위를 넓혀 주십시오.',
      category: 'standards_certification',
      clusterCodes: ['gwanggyo'],
      raisedByCode: 'gbsa',
    },
  });
  expect(raised.status(), await raised.text()).toBe(201);
  await page.reload();

  // Trends: one chart per recorded figure, labelled in Korean, years without thousands separators.
  const trends = page.getByTestId('cluster-trends');
  await expect(trends.getByRole('heading', { name: '연도별 지표 추이' })).toBeVisible();
  const companies = trends.getByTestId('trend-companies');
  await expect(companies).toBeVisible();
  await expect(companies).toHaveAttribute('aria-label', /^기업 수 연도별 추이 \(개사\): 2022 180, 2023 205, 2024 231$/);
  await expect(trends.getByTestId('trend-revenue_million_krw')).toHaveAttribute('aria-label', /매출액.*백만 원.*2024 1,730,000/);
  await trends.getByText('표로 보기').click();
  await expect(trends.getByTestId('trend-table').getByRole('rowheader', { name: '2024', exact: true })).toBeVisible();
  await expect(trends.getByTestId('trend-table')).not.toContainText('2,024');

  // The comparison: all clusters, the table beside the chart; a figure chosen.
  const comparison = page.getByTestId('cluster-comparison');
  await expect(comparison.getByTestId('comparison-chart')).toHaveAttribute('aria-label', '기업 수 클러스터별 추이 (개사)');
  await comparison.getByText('표로 보기').click();
  const table = comparison.getByTestId('comparison-table');
  await expect(table.getByRole('row', { name: /경기 바이오 클러스터\(광교테크노밸리\).*231/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /오송첨단의료복합단지.*260/ })).toBeVisible();
  await comparison.getByTestId('comparison-indicator').selectOption('employees');
  await expect(comparison.getByTestId('comparison-chart')).toHaveAttribute('aria-label', '고용 인원 클러스터별 추이 (명)');
  await comparison.getByRole('checkbox', { name: '오송첨단의료복합단지' }).uncheck();
  await expect(table.getByRole('row', { name: /오송첨단의료복합단지/ })).toHaveCount(0);

  // The timeline: the issue just raised first, the seeded site project further down, each linking to its record.
  const timeline = page.getByTestId('cluster-timeline');
  await expect(timeline.getByRole('heading', { name: '협의체 활동 타임라인' })).toBeVisible();
  const first = timeline.getByTestId('timeline-entry').first();
  await expect(first).toHaveAttribute('data-kind', 'issue_raised');
  await expect(first).toContainText('규제 과제 제기');
  await expect(first).toContainText('접수');
  await expect(timeline.locator('[data-kind="site_project"]')).toContainText('광교테크노밸리 바이오 부지 개발');
  await screenshot(page, 'cluster-profile');
  await first.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(/\/issues\/\d+$/);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  // The map: from the clusters list, the 17 시·도 of the shipped file, a legend, a table, the clusters as dots.
  await page.goto('/clusters');
  await page.getByTestId('clusters-map-link').click();
  await expect(page).toHaveURL((url) => url.pathname === '/clusters/map');
  await expect(page.getByRole('heading', { name: '바이오 클러스터 지도' })).toBeVisible();
  await page.getByTestId('map-year').selectOption('2024');
  const map = page.getByTestId('korea-map');
  await expect(map.getByTestId('map-region')).toHaveCount(17);
  await expect(map.locator('[data-region="sejong"] title')).toHaveText('세종특별자치시: 자료 없음');
  await expect(map.locator('[data-region="gangwon"] title')).toHaveText(/^강원특별자치도: /);
  await expect(page.getByTestId('map-table').getByRole('row', { name: /경기도\s*231/ })).toBeVisible();
  await expect(page.getByTestId('map-legend')).toContainText('자료 없음');
  await expect(map.locator('[data-region="gyeonggi"]')).not.toHaveAttribute('fill', '#f1f1f1');
  await expect(map.locator('[data-testid="map-cluster"][data-code="gwanggyo"]')).toBeVisible();
  expect(await map.getByTestId('map-cluster').count()).toBeGreaterThanOrEqual(6); // the six seeded clusters (a spec may add more)
  await screenshot(page, 'korea-map');
  await map.locator('[data-testid="map-cluster"][data-code="gwanggyo"] circle').click(); // the dot (its label is beside it)
  await expect(page).toHaveURL((url) => url.pathname === '/clusters/gwanggyo');

  // By keyboard: a dot is a link; Enter opens its cluster.
  await page.goto('/clusters/map?indicator=employees');
  const osongDot = page.locator('[data-testid="map-cluster"][data-code="osong"]');
  await expect(osongDot).toHaveAttribute('aria-label', '오송첨단의료복합단지 클러스터 열기');
  await osongDot.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === '/clusters/osong');
  expect(pageErrors).toEqual([]);
});
