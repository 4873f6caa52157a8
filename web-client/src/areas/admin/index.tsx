// The coordinators' back office (issue 14, journey 7): #/admin (the tools), #/admin/erasure (find a person),
// #/admin/erasure/<id> (what erasure removes, typed confirmation), #/admin/audit (every service's audit
// trail in one view), #/admin/deliveries (the notification delivery log), #/admin/templates (template
// coverage per language). The navigation offers the area to coordinators only; the services still refuse
// everyone else (403), which the screens say in words.
import { useEffect } from 'preact/hooks';
import { routeArgs } from '../../app/router';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { AuditTrail } from './AuditTrail';
import { Deliveries } from './Deliveries';
import { Erasure } from './Erasure';
import { TemplateCoverage } from './TemplateCoverage';
import { AdminNav, isTool } from './nav';
import './admin.css';

export default function Admin() {
  const [first = '', second = ''] = routeArgs.value;
  const tool = isTool(first) ? first : null;
  // a new screen within the area: focus its heading, as the shell does when an area opens
  useEffect(() => {
    document.getElementById('area-title')?.focus();
  }, [first, second]);
  switch (tool) {
    case 'erasure':
      return <Erasure key={second} personId={second} />;
    case 'audit':
      return <AuditTrail />;
    case 'deliveries':
      return <Deliveries />;
    case 'templates':
      return <TemplateCoverage />;
    default:
      return (
        <Page title={t('admin.title')}>
          <p>{t('admin.intro')}</p>
          <AdminNav current={null} />
        </Page>
      );
  }
}
