// People and organisations, for coordinators: #/people (the list), #/people/status/<STATUS> (the list
// filtered by status, linked from the dashboard), #/people/new (register), #/people/<id> (a person's
// page and lifecycle); #/organisations, #/organisations/status/<STATUS>, #/organisations/new,
// #/organisations/<id>.
import { routeArgs } from '../../app/router';
import { OrganisationList, OrganisationPage, RegisterOrganisation } from './OrganisationScreens';
import { PeopleList } from './PeopleList';
import { PersonPage } from './PersonPage';
import { RegisterPerson } from './RegisterPerson';
import { useHeadingFocus } from './shared';
import './people.css';

/** Person ids are UUIDs, so "new" and "status" never name a person. */
const NEW = 'new';
const BY_STATUS = 'status';

export default function People() {
  const id = routeArgs.value[0] ?? '';
  useHeadingFocus(`people/${id}`);
  if (id === NEW) return <RegisterPerson />;
  if (id === BY_STATUS) {
    const status = routeArgs.value[1] ?? '';
    return <PeopleList key={status} status={status} />;
  }
  if (id) return <PersonPage key={id} id={id} />;
  return <PeopleList />;
}

export function Organisations() {
  const id = routeArgs.value[0] ?? '';
  useHeadingFocus(`organisations/${id}`);
  if (id === NEW) return <RegisterOrganisation />;
  if (id === BY_STATUS) {
    const status = routeArgs.value[1] ?? '';
    return <OrganisationList key={status} status={status} />;
  }
  if (id) return <OrganisationPage key={id} id={id} />;
  return <OrganisationList />;
}
