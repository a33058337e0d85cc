import { Layout } from './components/Layout';
import { matchRoute, useLocation } from './lib/router';
import { AgenciesPage } from './pages/AgenciesPage';
import { AgencyDetailPage } from './pages/AgencyDetailPage';
import { ClusterDetailPage } from './pages/ClusterDetailPage';
import { ClustersPage } from './pages/ClustersPage';
import { NotFoundPage } from './pages/NotFoundPage';

export function App() {
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname);

  return (
    <Layout route={route}>
      {route.name === 'clusters' && <ClustersPage search={search} />}
      {route.name === 'cluster' && <ClusterDetailPage key={route.code} code={route.code} />}
      {route.name === 'agencies' && <AgenciesPage search={search} />}
      {route.name === 'agency' && <AgencyDetailPage key={route.code} code={route.code} />}
      {route.name === 'notFound' && <NotFoundPage />}
    </Layout>
  );
}
