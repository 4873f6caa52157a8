// Placeholder web client: plain DOM calls, no build step. All data is shown through textContent,
// never parsed as HTML, so nothing a user typed can run as markup.
'use strict';

const statusLine = document.getElementById('status');

function showStatus(message, isError) {
  statusLine.textContent = message;
  statusLine.classList.toggle('error', Boolean(isError));
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

// The gateway keeps the sign-in in its session (an HttpOnly cookie this script never sees); changes
// must echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header, which another site cannot read.
function cookie(name) {
  const prefix = name + '=';
  const found = document.cookie.split(';').map((part) => part.trim()).find((part) => part.startsWith(prefix));
  return found ? decodeURIComponent(found.substring(prefix.length)) : null;
}

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

// fetch JSON; errors are RFC 9457 problem details, shown with their correlation id
async function api(method, path, body) {
  const options = { method, headers: { Accept: 'application/json, application/problem+json' } };
  const xsrf = cookie('XSRF-TOKEN');
  if (!SAFE_METHODS.includes(method) && xsrf) {
    options.headers['X-XSRF-TOKEN'] = xsrf;
  }
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const title = (data && (data.title || data.detail)) || response.statusText;
    const detail = data && data.detail && data.detail !== title ? ': ' + data.detail : '';
    const id = response.headers.get('X-Correlation-Id');
    const error = new Error(response.status + ' ' + title + detail + (id ? ' (ref ' + id + ')' : ''));
    error.status = response.status;
    throw error;
  }
  return data;
}

// who is signed in: an id and working-group roles, never a name (GET /auth/me). What the page offers
// follows the roles; the services check every call anyway, so this only spares members actions that fail.
let account = { signedIn: false, subject: null, roles: [] };

function isCoordinator() {
  return account.signedIn && account.roles.includes('coordinator');
}

async function loadAccount() {
  const signedInAs = document.getElementById('signed-in-as');
  try {
    const me = await api('GET', '/auth/me');
    account = {
      signedIn: Boolean(me && me.signedIn),
      subject: me && me.signedIn ? me.subject : null,
      roles: me && Array.isArray(me.roles) ? me.roles : [],
    };
    document.getElementById('sign-in').hidden = account.signedIn;
    document.getElementById('sign-out').hidden = !account.signedIn;
    signedInAs.textContent = account.signedIn
      ? 'Signed in (' + (account.roles.length ? account.roles.join(', ') : 'no role yet') + ')'
      : 'Not signed in';
  } catch (error) {
    account = { signedIn: false, subject: null, roles: [] };
    signedInAs.textContent = '';
    showStatus('Could not check the sign-in: ' + error.message, true);
  }
  showForRoles();
  return account.signedIn;
}

// coordinators: the Register form, Invite buttons and anyone's inbox; everyone else: their own inbox
function showForRoles() {
  const coordinator = isCoordinator();
  document.getElementById('register-section').hidden = !coordinator;
  document.getElementById('inbox-section').hidden = !account.signedIn;
  document.getElementById('inbox-form').hidden = !coordinator;
  document.getElementById('inbox-heading').textContent = coordinator ? 'Inbox' : 'Your inbox';
  document.getElementById('security-section').hidden = !account.signedIn;
  if (account.signedIn && !coordinator && account.subject) {
    loadInbox(account.subject);
  }
}

// ends the gateway's session, then goes to the identity service to end the sign-in there too
async function signOut() {
  try {
    const answer = await api('POST', '/logout');
    window.location.assign(answer && answer.redirect ? answer.redirect : '/');
  } catch (error) {
    showStatus('Could not sign out: ' + error.message, true);
  }
}

function items(page) {
  if (Array.isArray(page)) {
    return page;
  }
  return (page && Array.isArray(page.content)) ? page.content : [];
}

const PEOPLE_SHOWN = 20;
const PEOPLE_PATH = '/api/membership/people?size=20';

// the list is sorted by registration time, oldest first: show the newest registrations, newest first
async function newestPeople(count) {
  const path = PEOPLE_PATH;
  const first = await api('GET', path);
  const pages = first && first.page && typeof first.page.totalPages === 'number' ? first.page.totalPages : 1;
  if (pages <= 1) {
    return items(first).slice().reverse();
  }
  const last = items(await api('GET', path + '&page=' + (pages - 1)));
  const before = last.length < count ? items(await api('GET', path + '&page=' + (pages - 2))) : [];
  return before.concat(last).slice(-count).reverse();
}

async function loadPeople() {
  const list = document.getElementById('people');
  try {
    const people = await newestPeople(PEOPLE_SHOWN);
    list.replaceChildren(...people.map(personItem));
    if (people.length === 0) {
      list.replaceChildren(element('li', 'No people registered yet.'));
    }
  } catch (error) {
    list.replaceChildren();
    showStatus(error.status === 401 ? 'Sign in to see people.' : 'Could not load people: ' + error.message,
      error.status !== 401);
  }
}

function personItem(person) {
  const item = element('li');
  const details = [person.country, person.status].filter(Boolean).join(', ');
  item.append(element('span', person.displayName), element('span', details ? ' (' + details + ')' : '', 'meta'));
  if (isCoordinator()) {
    const invite = element('button', 'Invite');
    invite.type = 'button';
    invite.addEventListener('click', () => invitePerson(person));
    const inbox = element('button', 'Inbox');
    inbox.type = 'button';
    inbox.addEventListener('click', () => {
      document.querySelector('#inbox-form [name=personId]').value = person.id;
      loadInbox(person.id);
    });
    item.append(invite, inbox);
  }
  return item;
}

async function invitePerson(person) {
  try {
    await api('POST', '/api/membership/people/' + encodeURIComponent(person.id) + '/invitations');
    showStatus('Invited ' + person.displayName + '.');
    loadPeople();
  } catch (error) {
    showStatus('Could not invite ' + person.displayName + ': ' + error.message, true);
  }
}

async function registerPerson(event) {
  event.preventDefault();
  const form = event.target;
  const fields = ['displayName', 'fullName', 'email', 'country', 'preferredLanguage', 'timeZone'];
  const person = {};
  fields.forEach((name) => {
    const value = form.elements[name].value.trim();
    if (value) {
      person[name] = value;
    }
  });
  try {
    await api('POST', '/api/membership/people', person);
    showStatus('Registered ' + person.displayName + '.');
    form.reset();
    loadPeople();
  } catch (error) {
    showStatus('Could not register: ' + error.message, true);
  }
}

async function loadInbox(personId) {
  const list = document.getElementById('inbox');
  const summary = document.getElementById('inbox-summary');
  try {
    const inbox = await api('GET', '/api/notifications/inbox/' + encodeURIComponent(personId));
    const messages = items(inbox);
    summary.textContent = (inbox && typeof inbox.unreadCount === 'number' ? inbox.unreadCount : 0) + ' unread';
    list.replaceChildren(...messages.map((message) => {
      const item = element('li', null, message.read ? '' : 'unread');
      item.append(
        element('div', message.subject),
        element('div', message.body),
        element('div', message.createdAt ? new Date(message.createdAt).toLocaleString() : '', 'meta'));
      return item;
    }));
    if (messages.length === 0) {
      list.replaceChildren(element('li', 'No messages.'));
    }
  } catch (error) {
    summary.textContent = '';
    list.replaceChildren();
    showStatus('Could not load the inbox: ' + error.message, true);
  }
}

// Second factor (POST/DELETE /api/identity/me/second-factor through the gateway). The secret is shown
// once, only in the page: never in the address, in storage or in a log, and cleared when done.
const factorStatus = document.getElementById('second-factor-status');

function showFactorStatus(message, isError) {
  factorStatus.textContent = message;
  factorStatus.classList.toggle('error', Boolean(isError));
}

// "JBSWY3DPEHPK3PXP" -> "JBSW Y3DP EHPK 3PXP", for typing into an app
function groupsOfFour(secret) {
  return String(secret).replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

function clearSetup() {
  document.getElementById('second-factor-secret').textContent = '';
  document.getElementById('second-factor-uri').textContent = '';
  document.getElementById('second-factor-confirm-form').reset();
  document.getElementById('second-factor-setup').hidden = true;
  document.getElementById('second-factor-start').hidden = false;
}

async function startSecondFactor() {
  showFactorStatus('Setting up…');
  try {
    const setup = await api('POST', '/api/identity/me/second-factor');
    document.getElementById('second-factor-secret').textContent = groupsOfFour(setup.secret);
    document.getElementById('second-factor-uri').textContent = setup.otpauthUri;
    document.getElementById('second-factor-setup').hidden = false;
    document.getElementById('second-factor-start').hidden = true;
    showFactorStatus('Add the key to your authenticator app, then enter the code it shows and your password.');
  } catch (error) {
    showFactorStatus(error.status === 409
      ? 'A second factor is already on. Turn it off first to set up a new one.'
      : 'Could not set up a second factor: ' + error.message, true);
  }
}

function codeOf(form) {
  return form.elements.code.value.replace(/\s+/g, '');
}

async function confirmSecondFactor(event) {
  event.preventDefault();
  const form = event.target;
  const body = { code: codeOf(form), password: form.elements.password.value };
  form.elements.password.value = '';
  try {
    await api('POST', '/api/identity/me/second-factor/confirm', body);
    clearSetup();
    showFactorStatus('The second factor is on. From now on, signing in asks for a code from the app.');
  } catch (error) {
    form.elements.code.value = '';
    showFactorStatus(error.status === 422
      ? 'The code or the password was not right; try again with the code the app shows now.'
      : 'Could not turn on the second factor: ' + error.message, true);
  }
}

async function turnOffSecondFactor(event) {
  event.preventDefault();
  const form = event.target;
  const code = codeOf(form);
  form.reset();
  try {
    await api('DELETE', '/api/identity/me/second-factor', { code });
    showFactorStatus('The second factor is off. Signing in needs only your password now.');
  } catch (error) {
    showFactorStatus(error.status === 422 || error.status === 400
      ? 'Could not turn it off: the code was not right (or no second factor is on).'
      : 'Could not turn off the second factor: ' + error.message, true);
  }
}

document.getElementById('sign-out').addEventListener('click', signOut);
document.getElementById('reload-people').addEventListener('click', loadPeople);
document.getElementById('register-form').addEventListener('submit', registerPerson);
document.getElementById('inbox-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadInbox(event.target.elements.personId.value.trim());
});
document.getElementById('second-factor-start').addEventListener('click', startSecondFactor);
document.getElementById('second-factor-cancel').addEventListener('click', () => {
  clearSetup();
  showFactorStatus('Not turned on.');
});
document.getElementById('second-factor-confirm-form').addEventListener('submit', confirmSecondFactor);
document.getElementById('second-factor-off-form').addEventListener('submit', turnOffSecondFactor);
if (new URLSearchParams(window.location.search).get('signin') === 'failed') {
  showStatus('Sign-in did not succeed; please try again.', true);
}
loadAccount().then(loadPeople);
