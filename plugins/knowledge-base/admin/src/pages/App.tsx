import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { OverviewPage } from './OverviewPage';
import { ModerationPage } from './ModerationPage';
import { SiteBuildsPage } from './SiteBuildsPage';

const App = () => (
  <Routes>
    <Route index element={<OverviewPage />} />
    <Route path="moderation" element={<ModerationPage />} />
    <Route path="builds" element={<SiteBuildsPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export { App };
