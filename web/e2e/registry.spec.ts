// The registry: clusters and agencies, in Korean and English, and a cluster operator's own edits.
import { expect, RUN, screenshot, test } from './support/fixtures';

test('clusters list in Korean, English sticks after reload, cluster detail shows the operator', async ({ page, pageErrors, signIn }) => {
  await page.goto('/clusters');
  await expect(page.getByTestId('sign-in-form')).toBeVisible();
  await expect(page, 'no session: the sign-in page').toHaveURL((url) => url.pathname === '/sign-in');
  await signIn('demo-viewer');
  await expect(page.getByTestId('cluster-row'), 'six seeded clusters').toHaveCount(6);
  await expect(page.locator('html'), 'Korean is the default').toHaveAttribute('lang', 'ko');
  await expect(page.getByText('오송첨단의료복합단지', { exact: true })).toBeVisible();

  await page.getByTestId('lang-toggle').click();
  await expect(page.getByText('Osong Advanced Medical Complex', { exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByTestId('cluster-row')).toHaveCount(6);
  await expect(page.locator('html'), 'English sticks after a reload').toHaveAttribute('lang', 'en');
  await expect(page.getByText('Osong Advanced Medical Complex', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Osong Advanced Medical Complex', exact: true }).click();
  const detail = page.getByTestId('cluster-detail');
  await expect(detail).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === '/clusters/osong');
  await expect(page.getByTestId('cluster-name')).toHaveText('Osong Advanced Medical Complex');
  await expect(detail.getByText('KBIOHealth', { exact: true })).toBeVisible();
  await expect(page.getByTestId('history')).toBeVisible();

  await screenshot(page, 'cluster-detail');
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});

test('agencies filtered by kind cluster_operator show the six operators (after signing in, back where we were going)', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn('/agencies?kind=cluster_operator', 'demo-secretariat');
  const rows = page.getByTestId('agency-row');
  await expect(rows, 'six cluster operators').toHaveCount(6);
  await expect(page.getByTestId('agency-kind-filter')).toHaveValue('cluster_operator');
  await expect(page.getByRole('link', { name: '오송첨단의료복합단지', exact: true })).toBeVisible();

  // Clearing the filter through the select lists every agency and keeps the URL in step.
  await page.getByTestId('agency-kind-filter').selectOption('');
  await expect.poll(() => rows.count(), 'every agency').toBeGreaterThan(6);
  await expect(page).toHaveURL((url) => url.search === '');
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});

test('an unknown cluster code shows a friendly not-found problem', async ({ page, openSignedIn }) => {
  await openSignedIn('/clusters/no-such-cluster', 'demo-viewer');
  const problem = page.getByTestId('problem-view');
  await expect(problem).toHaveAttribute('data-status', '404');
  await expect(problem).toContainText('no-such-cluster');
  // What the server said is in the screen's language (the client sends it as Accept-Language), and marked so.
  await expect(problem.locator('.problem__server [lang="ko"]')).toContainText("클러스터 'no-such-cluster'을(를) 찾을 수 없습니다.");
});

test('a cluster operator edits its own cluster; the change shows in the history', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn('/clusters/osong', 'demo-operator');
  await page.getByTestId('cluster-edit').click();
  const form = page.getByTestId('cluster-edit-form');
  await expect(form.locator('select[name="operatorCode"]'), 'an operator cannot hand the cluster over').toBeDisabled();

  // The API's field error appears at its field.
  await form.locator('input[name="website"]').fill('not-an-address');
  await page.getByTestId('save').click();
  await expect(form.locator('[data-field="website"] [data-testid="field-error"]')).toBeVisible();

  await form.locator('input[name="website"]').fill(`https://www.kbiohealth.kr/?run=${RUN}`);
  await form.locator('input[name="designation"]').fill(`첨단의료복합단지 (${RUN})`);
  await page.getByTestId('save').click();
  await expect(page.getByTestId('saved-notice')).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === '/clusters/osong');

  const entry = page.getByTestId('history-entry').first();
  // Who: the person's name and the agency they were with.
  await expect(entry.getByTestId('history-actor')).toHaveText('데모 클러스터 운영기관 (오송) (오송첨단의료산업진흥재단)');
  const changed = entry.getByTestId('history-change');
  await expect.poll(async () => (await changed.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.field))).sort()).toEqual(['designation', 'website']);
  await screenshot(page, 'cluster-history');

  // Someone else saves first (here: the same account from outside the page): ours gets 412.
  await page.getByTestId('cluster-edit').click();
  await expect(form).toBeVisible();
  const current = await page.request.get('/api/v1/clusters/by-code/osong');
  const cluster = await current.json();
  const { token } = await (await page.request.get('/api/v1/auth/antiforgery')).json();
  const { id, code: _code, operator, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = cluster;
  const elsewhere = await page.request.put(`/api/v1/clusters/${id}`, {
    headers: { 'If-Match': current.headers().etag, 'X-XSRF-TOKEN': token },
    data: { ...fields, operatorCode: operator.code, designation: '다른 사람이 고친 값' },
  });
  expect(elsewhere.status(), 'the concurrent change went through').toBe(200);
  await form.locator('input[name="designation"]').fill('내 변경');
  await page.getByTestId('save').click();
  await expect(page.getByTestId('stale-notice')).toBeVisible();
  await page.getByTestId('stale-notice').getByRole('button').click();
  await expect(page.locator('input[name="designation"]')).toHaveValue('다른 사람이 고친 값');
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});

test('the secretariat registers an agency, edits it, archives it (it leaves the routing picker), and routes an issue to 국토교통부', async ({
  page,
  pageErrors,
  openSignedIn,
}) => {
  const code = `e2e-${RUN}`.toLowerCase().slice(0, 40);
  await openSignedIn('/agencies', 'demo-secretariat');

  await test.step('the full central government is listed', async () => {
    await page.getByTestId('agency-kind-filter').selectOption('ministry');
    for (const name of ['국토교통부', '고용노동부', '개인정보보호위원회', '기후에너지환경부', '행정안전부', '재정경제부']) {
      await expect(page.getByRole('link', { name, exact: true }), name).toBeVisible();
    }
  });

  await test.step('register: the API’s refusal shows beside its field, then it is created', async () => {
    await page.getByTestId('agency-new').click();
    const form = page.getByTestId('agency-form');
    await expect(form).toBeVisible();
    await page.getByTestId('save').click();
    await expect(form.locator('[data-field="code"] [data-testid="field-error"]'), 'the code is required').toBeVisible();
    await expect(form.locator('[data-field="nameKo"] [data-testid="field-error"]'), 'the Korean name is required').toBeVisible();

    await form.locator('[name="code"]').fill(code);
    await form.locator('[name="nameKo"]').fill(`시험 규제기관 ${RUN}`);
    await form.locator('[name="kind"]').selectOption('ministry');
    await form.locator('[name="parentCode"]').fill('no-such-parent');
    await page.getByTestId('save').click();
    await expect(form.locator('[data-field="parentCode"] [data-testid="field-error"]'), 'the API refuses an unknown parent, at the field').toBeVisible();
    await form.locator('[name="parentCode"]').fill('molit');
    await page.getByTestId('save').click();
    await expect(page.getByTestId('saved-notice')).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === `/agencies/${code}`);
    await expect(page.getByTestId('agency-detail')).toContainText('국토교통부');
  });

  await test.step('edit: the English name is added; a stale edit is offered a reload', async () => {
    await page.getByTestId('agency-edit').click();
    const form = page.getByTestId('agency-form');
    await expect(form.locator('[name="code"]')).toHaveAttribute('readonly', '');
    await form.locator('[name="nameEn"]').fill(`Test Regulator ${RUN}`);
    await page.getByTestId('save').click();
    await expect(page.getByTestId('saved-notice')).toBeVisible();
    await expect(page.getByTestId('agency-detail')).toContainText(`Test Regulator ${RUN}`);

    // Someone else saves first: ours gets 412 and is offered the latest version.
    await page.getByTestId('agency-edit').click();
    await expect(form).toBeVisible();
    const current = await page.request.get(`/api/v1/agencies/by-code/${code}`);
    const agency = await current.json();
    const { token } = await (await page.request.get('/api/v1/auth/antiforgery')).json();
    const elsewhere = await page.request.put(`/api/v1/agencies/${agency.id}`, {
      headers: { 'If-Match': current.headers().etag, 'X-XSRF-TOKEN': token },
      data: { nameKo: `다른 사람이 고친 이름 ${RUN}`, kind: 'ministry', parentCode: 'molit' },
    });
    expect(elsewhere.status(), 'the concurrent change went through').toBe(200);
    await form.locator('[name="nameKo"]').fill('내 변경');
    await page.getByTestId('save').click();
    await expect(page.getByTestId('stale-notice')).toBeVisible();
    await page.getByTestId('reload').click();
    await expect(form.locator('[name="nameKo"]')).toHaveValue(`다른 사람이 고친 이름 ${RUN}`);
    await page.getByRole('link', { name: '취소' }).click();
  });

  await test.step('archive: confirmed, then it is off the default list and shown again when asked', async () => {
    await page.getByTestId('agency-archive').click();
    await expect(page.getByTestId('agency-archive-dialog')).toBeVisible();
    await page.getByTestId('agency-archive-confirm').click();
    await expect(page.getByTestId('archived-banner')).toBeVisible();
    await expect(page.getByTestId('agency-unarchive')).toBeVisible();
    await screenshot(page, 'agency-archived');

    await page.goto(`/agencies?q=${code}`);
    await expect(page.getByTestId('agency-row')).toHaveCount(0);
    // The box is the address's: a click navigates, and the box shows checked once the new address is rendered (check()
    // would look right after the click, before the navigation has landed).
    await page.getByTestId('agency-archived-filter').click();
    await expect(page.getByTestId('agency-archived-filter')).toBeChecked();
    await expect(page.getByTestId('agency-row')).toHaveCount(1);
  });

  await test.step('route a raised issue to 국토교통부; the archived agency is not offered', async () => {
    const { token } = await (await page.request.get('/api/v1/auth/antiforgery')).json();
    const raised = await page.request.post('/api/v1/regulatory-issues', {
      headers: { 'X-XSRF-TOKEN': token },
      data: {
        titleKo: `바이오 연구시설 입지 용도지역 제한 완화 (${RUN})`,
        problemKo: '연구개발특구 안에서도 바이오 실험시설이 들어설 수 있는 용도지역이 좁아 입주가 늦어집니다.',
        proposalKo: '국토의 계획 및 이용에 관한 법률 시행령의 용도지역별 건축 제한을 바이오 연구시설에 맞게 고쳐 주십시오.',
        category: 'land_site',
        clusterCodes: ['osong'],
        raisedByCode: 'kbiohealth',
      },
    });
    expect(raised.status(), await raised.text()).toBe(201);
    const issue = await raised.json();

    await page.goto(`/issues/${issue.id}`);
    await page.locator('[data-testid="move-button"][data-move="assign"]').click();
    const form = page.getByTestId('move-form');
    const lead = form.getByTestId('move-lead-ministry');
    await expect(lead.locator('option[value="molit"]')).toHaveText('국토교통부');
    await expect(lead.locator(`option[value="${code}"]`), 'an archived agency is not offered').toHaveCount(0);
    await lead.selectOption('molit');
    await form.locator('input[name="coMinistryCodes"][value="moel"]').check();
    await form.locator('[name="comment"]').fill('용도지역 규제는 국토교통부 소관입니다.');
    await form.getByTestId('move-submit').click();
    await expect(page.getByTestId('moved-notice')).toBeVisible();
    await expect(page.locator('[data-testid="issue-detail"][data-status="under_review"]')).toBeVisible();
    await expect(page.getByTestId('issue-detail')).toContainText('국토교통부');
  });

  await test.step('unarchive brings it back', async () => {
    await page.goto(`/agencies/${code}`);
    await page.getByTestId('agency-unarchive').click();
    await expect(page.getByTestId('saved-notice')).toBeVisible();
    await expect(page.getByTestId('archived-banner')).toHaveCount(0);
    await expect(page.getByTestId('agency-archive')).toBeVisible();
  });
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});

test('the secretariat registers a cluster, archives it (it is not offered for new issues) and unarchives it', async ({ page, pageErrors, openSignedIn }) => {
  const code = `e2e-c-${RUN}`.toLowerCase().slice(0, 40);
  await openSignedIn('/clusters', 'demo-secretariat');
  await page.getByTestId('cluster-new').click();
  const form = page.getByTestId('cluster-edit-form');
  await expect(form).toBeVisible();
  await form.locator('[name="code"]').fill(code);
  await form.locator('[name="nameKo"]').fill(`시험 클러스터 ${RUN}`);
  await form.locator('[name="region"]').selectOption('sejong');
  await page.getByTestId('save').click();
  await expect(form.locator('[data-field="operatorCode"] [data-testid="field-error"]'), 'an operator is required').toBeVisible();
  await form.locator('[name="operatorCode"]').selectOption('kbiohealth');
  await page.getByTestId('save').click();
  await expect(page.getByTestId('saved-notice')).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === `/clusters/${code}`);

  await page.getByTestId('cluster-archive').click();
  await page.getByTestId('cluster-archive-confirm').click();
  await expect(page.getByTestId('archived-banner')).toBeVisible();

  await page.goto('/issues/new');
  await expect(page.locator('input[name="clusterCodes"][value="osong"]')).toBeVisible();
  await expect(page.locator(`input[name="clusterCodes"][value="${code}"]`), 'an archived cluster is not offered').toHaveCount(0);

  await page.goto(`/clusters/${code}`);
  await page.getByTestId('cluster-unarchive').click();
  await expect(page.getByTestId('archived-banner')).toHaveCount(0);
  await expect(page.getByTestId('cluster-archive')).toBeVisible();
  await page.goto('/issues/new');
  await expect(page.locator(`input[name="clusterCodes"][value="${code}"]`), 'offered again').toHaveCount(1);
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});
