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

// who is signed in: an id and working-group roles, never a name (GET /auth/me)
async function loadAccount() {
  const signedInAs = document.getElementById('signed-in-as');
  try {
    const me = await api('GET', '/auth/me');
    document.getElementById('sign-in').hidden = me.signedIn;
    document.getElementById('sign-out').hidden = !me.signedIn;
    signedInAs.textContent = me.signedIn
      ? 'Signed in (' + (me.roles.length ? me.roles.join(', ') : 'no role yet') + ')'
      : 'Not signed in';
    return me.signedIn;
  } catch (error) {
    signedInAs.textContent = '';
    showStatus('Could not check the sign-in: ' + error.message, true);
    return false;
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

async function loadPeople() {
  const list = document.getElementById('people');
  try {
    const people = items(await api('GET', '/api/membership/people?size=20'));
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

document.getElementById('sign-out').addEventListener('click', signOut);
document.getElementById('reload-people').addEventListener('click', loadPeople);
document.getElementById('register-form').addEventListener('submit', registerPerson);
document.getElementById('inbox-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadInbox(event.target.elements.personId.value.trim());
});
if (new URLSearchParams(window.location.search).get('signin') === 'failed') {
  showStatus('Sign-in did not succeed; please try again.', true);
}
loadAccount().then(loadPeople);
