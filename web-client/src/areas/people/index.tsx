// People and organisations, for coordinators: #/people (the list), #/people/new (register),
// #/people/<id> (a person's page and lifecycle); #/organisations, #/organisations/new, #/organisations/<id>.
import { routeArgs } from '../../app/router';
import { OrganisationList, OrganisationPage, RegisterOrganisation } from './OrganisationScreens';
import { PeopleList } from './PeopleList';
import { PersonPage } from './PersonPage';
import { RegisterPerson } from './RegisterPerson';
import { useHeadingFocus } from './shared';
import './people.css';

/** Person ids are UUIDs, so "new" never names a person. */
const NEW = 'new';

export default function People() {
  const id = routeArgs.value[0] ?? '';
  useHeadingFocus(`people/${id}`);
  if (id === NEW) return <RegisterPerson />;
  if (id) return <PersonPage key={id} id={id} />;
  return <PeopleList />;
}

export function Organisations() {
  const id = routeArgs.value[0] ?? '';
  useHeadingFocus(`organisations/${id}`);
  if (id === NEW) return <RegisterOrganisation />;
  if (id) return <OrganisationPage key={id} id={id} />;
  return <OrganisationList />;
}
