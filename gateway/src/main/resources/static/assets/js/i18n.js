// Every label of the page in English and French. A value is a string with {placeholders}, or an object of
// plural forms chosen by Intl.PluralRules on the `n` variable (French counts 0 and 1 as "one").

const en = {
  'app.brand': 'Propty Notices',
  'app.skip': 'Skip to content',
  'app.loading': 'Loading…',
  'app.signedInAs': 'Signed in as {name}',
  'app.signOut': 'Sign out',
  'app.properties': 'Properties',
  'app.lang.label': 'Français',
  'app.lang.aria': 'Passer en français',
  'app.notFound': 'This page does not exist.',
  'app.backHome': 'Back to your properties',

  'signin.title': 'Sign in',
  'signin.intro': 'Paste the access token your organisation gave you. It is kept in this browser tab only and forgotten when you close it.',
  'signin.token': 'Access token',
  'signin.submit': 'Sign in',
  'signin.invalid': 'This is not a valid access token. Paste the whole token, without "Bearer".',
  'signin.expired': 'This token has expired. Ask for a new one.',
  'signin.sessionEnded': 'Your session has ended. Sign in again.',
  'signin.dev.title': 'Local development sign-in',
  'signin.dev.intro': 'Issues a token signed with the local secret. Available in the local profile only.',
  'signin.dev.user': 'User id',
  'signin.dev.name': 'Name',
  'signin.dev.roles': 'Roles',
  'signin.dev.properties': 'Property ids',
  'signin.dev.propertiesHint': 'Comma-separated, e.g. p-1, p-2',
  'signin.dev.submit': 'Get a token and sign in',
  'signin.dev.needRole': 'Choose at least one role.',

  'home.title': 'Your properties',
  'home.intro': 'Choose a property to send notices to its residents or to update their profiles.',
  'home.none': 'Your access token gives you access to no property.',
  'home.property': 'Property {id}',

  'tabs.label': 'Property sections',
  'tabs.notices': 'Notices',
  'tabs.residents': 'Residents',
  'tabs.settings': 'Settings',

  'notices.title': 'Notices',
  'notices.new': 'New notice',
  'notices.empty': 'No notices here yet.',
  'notices.filter': 'Status',
  'notices.filter.all': 'All statuses',

  'col.title': 'Title',
  'col.status': 'Status',
  'col.channels': 'Channels',
  'col.recipients': 'Recipients',
  'col.failed': 'Failed',
  'col.date': 'Date',
  'col.name': 'Name',
  'col.email': 'Email',
  'col.phone': 'Phone',
  'col.unit': 'Unit',
  'col.when': 'When',
  'col.by': 'By',
  'col.scope': 'Scope',
  'col.type': 'Type',
  'col.resent': 'Resent',
  'col.outcome': 'Outcome so far',

  'date.sent': 'Sent {date}',
  'date.scheduled': 'Scheduled for {date}',
  'date.created': 'Created {date}',

  'noticeStatus.DRAFT': 'Draft',
  'noticeStatus.SCHEDULED': 'Scheduled',
  'noticeStatus.SENDING': 'Sending',
  'noticeStatus.SENT': 'Sent',
  'noticeStatus.PARTIALLY_FAILED': 'Partially failed',

  'deliveryStatus.PENDING': 'Pending',
  'deliveryStatus.SENT': 'Sent',
  'deliveryStatus.DELIVERED': 'Delivered',
  'deliveryStatus.FAILED': 'Failed',
  'deliveryStatus.SKIPPED': 'Skipped',

  'channel.EMAIL': 'Email',
  'channel.SMS': 'SMS',

  'errorCode.INVALID_ADDRESS': 'Invalid address',
  'errorCode.BOUNCED': 'Bounced',
  'errorCode.BLOCKED': 'Blocked by the receiving server',
  'errorCode.DROPPED': 'Dropped by the provider',
  'errorCode.CARRIER_REJECTED': 'Rejected by the carrier',
  'errorCode.UNREACHABLE': 'Unreachable',
  'errorCode.OPTED_OUT': 'Opted out',
  'errorCode.PROVIDER_UNAVAILABLE': 'Provider unavailable',
  'errorCode.SEND_IN_DOUBT': 'Send in doubt',
  'errorCode.NO_ADDRESS': 'No address',

  'paging.label': 'Pages',
  'paging.previous': 'Previous',
  'paging.next': 'Next',
  'paging.summary': { one: 'Page {page} of {pages} · {n} in total', other: 'Page {page} of {pages} · {n} in total' },

  'count.emails': { one: '{n} email', other: '{n} emails' },
  'count.sms': { one: '{n} SMS', other: '{n} SMS' },
  'count.recipients': { one: '{n} recipient', other: '{n} recipients' },
  'list.and': ' and ',

  'form.title': 'New notice',
  'form.field.title': 'Title',
  'form.field.body': 'Message',
  'form.field.smsText': 'SMS text',
  'form.field.smsHint': 'Optional. Without it, the SMS is the start of the message (160 characters).',
  'form.field.channels': 'Channels',
  'form.field.audience': 'Recipients',
  'form.audience.all': 'All active residents of the property when it is sent',
  'form.audience.chosen': 'Chosen residents',
  'form.audience.pick': 'Residents to notify',
  'form.field.when': 'When',
  'form.when.draft': 'Save as a draft',
  'form.when.now': 'Send now',
  'form.when.schedule': 'Schedule',
  'form.field.sendAt': 'Send at (your local time)',
  'form.submit.draft': 'Save draft',
  'form.submit.now': 'Create and send',
  'form.submit.schedule': 'Create and schedule',
  'form.cancel': 'Cancel',
  'form.required': '{field} is required.',
  'form.noChannel': 'Choose at least one channel.',
  'form.noResident': 'Choose at least one resident.',
  'form.sendAtPast': 'Choose a send time in the future.',
  'form.smsLength': '{n} / 160',
  'form.draftKept': 'The notice was saved as a draft, but not sent:',

  'import.title': 'Import a rent roll (CSV)',
  'import.help': 'Columns by header: name (required), email, phone, unit, and an optional external id. A row updates the resident with the same external id, or else the same email or phone; other rows add residents. Up to 5,000 rows per file.',
  'import.file': 'Rent roll file',
  'import.archiveMissing': 'Archive the residents who are not in the file',
  'import.preview': 'Preview',
  'import.submit': 'Import',
  'import.chooseFile': 'Choose a CSV file first.',
  'import.previewTitle': { one: 'If you import this file ({n} row):', other: 'If you import this file ({n} rows):' },
  'import.doneTitle': { one: 'Imported {n} row:', other: 'Imported {n} rows:' },
  'import.created': { one: '{n} resident added', other: '{n} residents added' },
  'import.updated': { one: '{n} resident updated', other: '{n} residents updated' },
  'import.unchanged': { one: '{n} resident unchanged', other: '{n} residents unchanged' },
  'import.archived': { one: '{n} resident archived', other: '{n} residents archived' },
  'import.rejected': { one: '{n} row rejected', other: '{n} rows rejected' },
  'import.noArchiveWithRejected': 'Nobody is archived while some rows are rejected: fix them first.',
  'import.row': 'Row',
  'import.field': 'Field',
  'import.reason': 'Reason',
  'import.download': 'Download the report (CSV)',
  'residents.title': 'Residents',
  'residents.add': 'Add a resident',
  'residents.addSubmit': 'Add resident',
  'residents.added': '{name} was added.',
  'residents.empty': 'No residents yet.',
  'residents.open': 'Open the profile of {name}',
  'residents.phoneHint': 'International format, e.g. +15145550123',
  'residents.none': 'none',

  'resident.title': 'Resident profile',
  'resident.fixHint': 'A recipient who keeps failing usually has an invalid or inactive address. Correct it here: the next resend uses the current address, not the one of the first send.',
  'resident.clearHint': 'Leave a field empty to remove it.',
  'resident.save': 'Save changes',
  'resident.saved': 'Profile saved. The next resend uses these addresses.',
  'resident.unchanged': 'Nothing changed.',
  'resident.archive': 'Archive resident',
  'resident.archiveConfirm': 'Archive {name}? They stay on past notices but will not receive new ones.',
  'resident.archived': '{name} was archived.',
  'resident.backToNotice': 'Back to the notice',
  'resident.backToList': 'All residents',

  'notice.back': 'All notices',
  'notice.unavailable': 'Notice unavailable',
  'notice.resend': 'Resend failures',
  'notice.stats': 'Delivery statistics',
  'notice.content': 'Message content',
  'notice.smsText': 'SMS text',
  'notice.channels': 'Channels: {list}',
  'notice.send': 'Send now',
  'notice.schedule': 'Schedule',
  'notice.reschedule': 'Cancel scheduling',
  'notice.delete': 'Delete draft',
  'notice.deleteConfirm': 'Delete this draft? This cannot be undone.',
  'notice.deleted': 'The draft was deleted.',
  'notice.live': 'Live updates on',
  'notice.reconnecting': 'Reconnecting to live updates…',
  'notice.refresh': 'Refresh',

  'stats.recipients': 'Recipients',
  'stats.received': 'Received',
  'stats.failedRecipients': 'With a failure',
  'stats.total': { one: '{n} message', other: '{n} messages' },
  'stats.pending': 'Pending',
  'stats.sent': 'Sent',
  'stats.delivered': 'Delivered',
  'stats.failed': 'Failed',
  'stats.skipped': 'Skipped',
  'stats.bar': '{channel}: {delivered} delivered, {sent} sent, {pending} pending, {failed} failed, {skipped} skipped',

  'recipients.title': 'Recipients',
  'recipients.filterStatus': 'Status',
  'recipients.filterChannel': 'Channel',
  'recipients.anyStatus': 'Any status',
  'recipients.anyChannel': 'Any channel',
  'recipients.selectPage': 'Select every recipient on this page',
  'recipients.select': 'Select {name}',
  'recipients.selected': { one: '{n} recipient selected', other: '{n} recipients selected' },
  'recipients.clearSelection': 'Clear selection',
  'recipients.export': 'Export failed recipients (CSV)',
  'recipients.exporting': 'Preparing the file…',
  'recipients.checkProfile': 'Check the profile',
  'recipients.attempt': 'attempt {n}',
  'recipients.quietHours': 'Quiet hours: waits until {at}',
  'recipients.empty': 'No recipient matches these filters.',
  'recipients.notInNotice': 'not sent on this channel',

  'history.title': 'Resend history',
  'history.empty': 'No resends yet.',
  'history.by': '{name}',
  'history.details': ' — see what this resend did',

  'resendDetail.title': 'Resend of {when}',
  'resendDetail.back': 'Back to the notice',
  'resendDetail.by': 'By {name}',
  'resendDetail.targets': 'Targets',
  'resendDetail.filter': 'Outcome',
  'resendDetail.anyOutcome': 'Any outcome',
  'resendDetail.export': 'Download CSV',
  'resendDetail.empty': 'No target matches this filter.',
  'resendDetail.emptyHere': 'No match among the targets looked at so far: the next page goes on.',
  'resendDetail.profile': 'Resident profile',
  'resendDetail.unavailable': 'This resend is not available.',
  'col.recipient': 'Recipient',
  'col.channel': 'Channel',
  'col.address': 'Address used',
  'col.result': 'Outcome of this resend',
  'col.updated': 'Last news',
  'type.FULL': 'Full',
  'type.PARTIAL': 'Partial',

  'scope.FAILED_ONLY': 'Failed recipients only',
  'scope.FAILED_ONLY.desc': 'Everyone with a failed channel. Only the failed channels are resent.',
  'scope.ALL_UNDELIVERED': 'Everyone who received nothing',
  'scope.ALL_UNDELIVERED.desc': 'Recipients with nothing sent, delivered or pending: their failed channels, and skipped channels that now have an address.',
  'scope.SELECTED': 'Selected recipients',
  'scope.SELECTED.desc': 'The recipients ticked in the table: their failed channels.',
  'scope.SELECTED.none': 'Tick recipients in the table to use this option.',

  'resend.title': 'Resend failures',
  'resend.intro': 'Choose who gets the notice again. Each resident gets it at their current address.',
  'resend.legend': 'Who should get it again?',
  'resend.recommended': 'Recommended',
  'resend.recipientsWord': { one: 'recipient', other: 'recipients' },
  'resend.nothingOnChannels': 'nothing to resend',
  'resend.loading': 'Counting…',
  'resend.submit': 'Resend',
  'resend.sending': 'Resending…',
  'resend.cancel': 'Cancel',
  'resend.close': 'Close',
  'resend.skippedNoAddress': { one: '{n} failed channel has no address and stays failed.', other: '{n} failed channels have no address and stay failed.' },
  'resend.skippedOptedOut': { one: '{n} failed channel belongs to a resident who opted out and stays failed.', other: '{n} failed channels belong to residents who opted out and stay failed.' },
  'resend.skippedResendLimit': { one: '{n} failed channel has been resent the most times allowed for this notice and stays failed.', other: '{n} failed channels have been resent the most times allowed for this notice and stay failed.' },
  'resend.skippedCoolingDown': { one: '{n} failed channel was resent moments ago with the same address; it can be resent from {at}.', other: '{n} failed channels were resent moments ago with the same address; they can be resent from {at}.' },
  'resend.addressUnchanged': { one: '{n} still has the address that failed — update the profile first?', other: '{n} still have the address that failed — update their profile first?' },
  'resend.showFailed': 'Show failed recipients',
  'resend.success': 'Resending {list}.',
  'resend.successNothing': 'Resend requested.',
  'resend.successFallback': { one: '{n} of them goes by the recipient’s other channel.', other: '{n} of them go by the recipients’ other channel.' },
  'resend.fallback': 'Also try their other channel',
  'resend.fallbackHint': 'Where a channel cannot succeed as it stands (an invalid or bouncing address, an unreachable number, an opt-out), send by the resident’s other channel instead: {list}.',
  'resend.fallbackNone': 'No one in this scope can be reached by their other channel instead.',
  'history.fallback': { one: '{n} by the other channel', other: '{n} by the other channel' },
  'resendDetail.fallback': 'instead of the other channel',
  'resend.dismiss': 'Dismiss',
  'resend.quietHours': { one: 'It is quiet hours at this property: {n} SMS will wait until they end at {at} ({zone}). Emails go now.', other: 'It is quiet hours at this property: {n} SMS will wait until they end at {at} ({zone}). Emails go now.' },
  'resend.successQuietHours': { one: 'The SMS waits for the end of quiet hours ({at}, {zone}).', other: 'The {n} SMS wait for the end of quiet hours ({at}, {zone}).' },

  'urgent.mark': 'Mark urgent',
  'urgent.badge': 'Urgent',
  'urgent.why': '{reason} — marked by {name}, {date}. Its SMS ignore quiet hours.',
  'urgent.remove': 'Remove urgency',
  'urgent.title': 'Mark this notice urgent',
  'urgent.intro': 'For an emergency (a water shut-off, a fire): its SMS, and those of its resends, go at once, even during quiet hours. The audit trail keeps who marked it and why.',
  'urgent.reason': 'Why is it urgent?',
  'urgent.reasonRequired': 'Say why this notice is urgent.',
  'urgent.confirm': 'Mark urgent',

  'settings.title': 'Property settings',
  'settings.timeZone': 'Time zone',
  'settings.timeZoneHint': 'Quiet hours are read on this clock.',
  'settings.quietHours': 'SMS quiet hours',
  'settings.quietHoursEnabled': 'Hold SMS during quiet hours',
  'settings.quietHoursHint': 'An SMS due inside quiet hours waits until they end. Email is never held, and urgent notices ignore quiet hours.',
  'settings.start': 'From',
  'settings.end': 'Until',
  'settings.save': 'Save settings',
  'settings.saved': 'Settings saved.',
  'settings.updated': 'Last changed by {name}, {date}.',
  'settings.defaults': 'The platform’s defaults: this property never changed them.',
  'settings.readOnly': 'Only a property administrator can change these settings.',

  'errors.NO_FAILED_RECIPIENTS': 'No failed recipients — everyone may have received the notice on a later attempt; check the recipients table.',
  'errors.NOTICE_NOT_RESENDABLE': 'This notice cannot be resent now: drafts and scheduled notices were never sent, and a notice that is still sending must finish first.',
  'errors.NO_RECIPIENTS_SELECTED': 'Tick at least one recipient in the table first.',
  'errors.IDEMPOTENCY_KEY_REUSED': 'A resend with other choices was already requested from this dialog. Close it and open it again.',
  'errors.NOTICE_NOT_DRAFT': 'Only a draft can be edited, sent or deleted, and this notice has moved on. Refresh to see its status.',
  'errors.SEND_AT_IN_PAST': 'The send time is in the past. Choose a later time.',
  'errors.VALIDATION_FAILED': 'Some fields are not valid.',
  'errors.MALFORMED_REQUEST': 'The request could not be read.',
  'errors.NOT_FOUND': 'Not found — or it does not belong to one of your properties.',
  'errors.UNAUTHENTICATED': 'Your session has ended. Sign in again.',
  'errors.FORBIDDEN': 'Only property managers and property administrators can use this page.',
  'errors.PAYLOAD_TOO_LARGE': 'That is too much data for one request.',
  'errors.SERVICE_UNAVAILABLE': 'The service is unavailable right now. Try again in a moment.',
  'errors.GATEWAY_TIMEOUT': 'The service did not answer in time. Try again in a moment.',
  'errors.INTERNAL_ERROR': 'Something went wrong on our side. Try again.',
  'errors.NETWORK': 'The server cannot be reached. Check your connection and try again.',
  'errors.generic': 'Something went wrong (HTTP {status}).',
};

const fr = {
  'app.brand': 'Propty Avis',
  'app.skip': 'Aller au contenu',
  'app.loading': 'Chargement…',
  'app.signedInAs': 'Connecté : {name}',
  'app.signOut': 'Se déconnecter',
  'app.properties': 'Immeubles',
  'app.lang.label': 'English',
  'app.lang.aria': 'Switch to English',
  'app.notFound': 'Cette page n’existe pas.',
  'app.backHome': 'Retour à vos immeubles',

  'signin.title': 'Connexion',
  'signin.intro': 'Collez le jeton d’accès fourni par votre organisation. Il est conservé dans cet onglet seulement et oublié à sa fermeture.',
  'signin.token': 'Jeton d’accès',
  'signin.submit': 'Se connecter',
  'signin.invalid': 'Ce jeton d’accès n’est pas valide. Collez le jeton complet, sans « Bearer ».',
  'signin.expired': 'Ce jeton a expiré. Demandez-en un nouveau.',
  'signin.sessionEnded': 'Votre session a pris fin. Reconnectez-vous.',
  'signin.dev.title': 'Connexion de développement local',
  'signin.dev.intro': 'Émet un jeton signé avec le secret local. Disponible dans le profil local seulement.',
  'signin.dev.user': 'Identifiant',
  'signin.dev.name': 'Nom',
  'signin.dev.roles': 'Rôles',
  'signin.dev.properties': 'Identifiants d’immeubles',
  'signin.dev.propertiesHint': 'Séparés par des virgules, p. ex. p-1, p-2',
  'signin.dev.submit': 'Obtenir un jeton et se connecter',
  'signin.dev.needRole': 'Choisissez au moins un rôle.',

  'home.title': 'Vos immeubles',
  'home.intro': 'Choisissez un immeuble pour envoyer des avis à ses résidents ou mettre leurs fiches à jour.',
  'home.none': 'Votre jeton d’accès ne donne accès à aucun immeuble.',
  'home.property': 'Immeuble {id}',

  'tabs.label': 'Sections de l’immeuble',
  'tabs.notices': 'Avis',
  'tabs.residents': 'Résidents',
  'tabs.settings': 'Paramètres',

  'notices.title': 'Avis',
  'notices.new': 'Nouvel avis',
  'notices.empty': 'Aucun avis pour l’instant.',
  'notices.filter': 'Statut',
  'notices.filter.all': 'Tous les statuts',

  'col.title': 'Titre',
  'col.status': 'Statut',
  'col.channels': 'Canaux',
  'col.recipients': 'Destinataires',
  'col.failed': 'En échec',
  'col.date': 'Date',
  'col.name': 'Nom',
  'col.email': 'Courriel',
  'col.phone': 'Téléphone',
  'col.unit': 'Logement',
  'col.when': 'Quand',
  'col.by': 'Par',
  'col.scope': 'Portée',
  'col.type': 'Type',
  'col.resent': 'Renvoyé',
  'col.outcome': 'Résultat à ce jour',

  'date.sent': 'Envoyé le {date}',
  'date.scheduled': 'Planifié pour le {date}',
  'date.created': 'Créé le {date}',

  'noticeStatus.DRAFT': 'Brouillon',
  'noticeStatus.SCHEDULED': 'Planifié',
  'noticeStatus.SENDING': 'Envoi en cours',
  'noticeStatus.SENT': 'Envoyé',
  'noticeStatus.PARTIALLY_FAILED': 'Échec partiel',

  'deliveryStatus.PENDING': 'En attente',
  'deliveryStatus.SENT': 'Envoyé',
  'deliveryStatus.DELIVERED': 'Remis',
  'deliveryStatus.FAILED': 'Échec',
  'deliveryStatus.SKIPPED': 'Ignoré',

  'channel.EMAIL': 'Courriel',
  'channel.SMS': 'SMS',

  'errorCode.INVALID_ADDRESS': 'Adresse invalide',
  'errorCode.BOUNCED': 'Message retourné',
  'errorCode.BLOCKED': 'Bloqué par le serveur destinataire',
  'errorCode.DROPPED': 'Abandonné par le fournisseur',
  'errorCode.CARRIER_REJECTED': 'Refusé par l’opérateur',
  'errorCode.UNREACHABLE': 'Injoignable',
  'errorCode.OPTED_OUT': 'Désabonné',
  'errorCode.PROVIDER_UNAVAILABLE': 'Fournisseur indisponible',
  'errorCode.SEND_IN_DOUBT': 'Envoi incertain',
  'errorCode.NO_ADDRESS': 'Aucune adresse',

  'paging.label': 'Pages',
  'paging.previous': 'Précédent',
  'paging.next': 'Suivant',
  'paging.summary': { one: 'Page {page} sur {pages} · {n} au total', other: 'Page {page} sur {pages} · {n} au total' },

  'count.emails': { one: '{n} courriel', other: '{n} courriels' },
  'count.sms': { one: '{n} SMS', other: '{n} SMS' },
  'count.recipients': { one: '{n} destinataire', other: '{n} destinataires' },
  'list.and': ' et ',

  'form.title': 'Nouvel avis',
  'form.field.title': 'Titre',
  'form.field.body': 'Message',
  'form.field.smsText': 'Texte du SMS',
  'form.field.smsHint': 'Facultatif. Sinon, le SMS reprend le début du message (160 caractères).',
  'form.field.channels': 'Canaux',
  'form.field.audience': 'Destinataires',
  'form.audience.all': 'Tous les résidents actifs de l’immeuble au moment de l’envoi',
  'form.audience.chosen': 'Résidents choisis',
  'form.audience.pick': 'Résidents à aviser',
  'form.field.when': 'Quand',
  'form.when.draft': 'Enregistrer comme brouillon',
  'form.when.now': 'Envoyer maintenant',
  'form.when.schedule': 'Planifier',
  'form.field.sendAt': 'Envoyer le (heure locale)',
  'form.submit.draft': 'Enregistrer le brouillon',
  'form.submit.now': 'Créer et envoyer',
  'form.submit.schedule': 'Créer et planifier',
  'form.cancel': 'Annuler',
  'form.required': '{field} : champ obligatoire.',
  'form.noChannel': 'Choisissez au moins un canal.',
  'form.noResident': 'Choisissez au moins un résident.',
  'form.sendAtPast': 'Choisissez une heure d’envoi dans le futur.',
  'form.smsLength': '{n} / 160',
  'form.draftKept': 'L’avis a été enregistré comme brouillon, mais pas envoyé :',

  'import.title': 'Importer un rôle de loyers (CSV)',
  'import.help': 'Colonnes selon l’en-tête : name (obligatoire), email, phone, unit et un identifiant externe facultatif. Une ligne met à jour le résident qui a le même identifiant externe, sinon le même courriel ou téléphone ; les autres lignes ajoutent des résidents. Jusqu’à 5 000 lignes par fichier.',
  'import.file': 'Fichier du rôle',
  'import.archiveMissing': 'Archiver les résidents absents du fichier',
  'import.preview': 'Aperçu',
  'import.submit': 'Importer',
  'import.chooseFile': 'Choisissez d’abord un fichier CSV.',
  'import.previewTitle': { one: 'Si vous importez ce fichier ({n} ligne) :', other: 'Si vous importez ce fichier ({n} lignes) :' },
  'import.doneTitle': { one: '{n} ligne importée :', other: '{n} lignes importées :' },
  'import.created': { one: '{n} résident ajouté', other: '{n} résidents ajoutés' },
  'import.updated': { one: '{n} résident mis à jour', other: '{n} résidents mis à jour' },
  'import.unchanged': { one: '{n} résident inchangé', other: '{n} résidents inchangés' },
  'import.archived': { one: '{n} résident archivé', other: '{n} résidents archivés' },
  'import.rejected': { one: '{n} ligne refusée', other: '{n} lignes refusées' },
  'import.noArchiveWithRejected': 'Personne n’est archivé tant que des lignes sont refusées : corrigez-les d’abord.',
  'import.row': 'Ligne',
  'import.field': 'Champ',
  'import.reason': 'Raison',
  'import.download': 'Télécharger le rapport (CSV)',
  'residents.title': 'Résidents',
  'residents.add': 'Ajouter un résident',
  'residents.addSubmit': 'Ajouter le résident',
  'residents.added': '{name} a été ajouté.',
  'residents.empty': 'Aucun résident pour l’instant.',
  'residents.open': 'Ouvrir la fiche de {name}',
  'residents.phoneHint': 'Format international, p. ex. +15145550123',
  'residents.none': 'aucun',

  'resident.title': 'Fiche du résident',
  'resident.fixHint': 'Un destinataire toujours en échec a souvent une adresse invalide ou inactive. Corrigez-la ici : le prochain renvoi utilise l’adresse actuelle, et non celle du premier envoi.',
  'resident.clearHint': 'Laissez un champ vide pour l’effacer.',
  'resident.save': 'Enregistrer',
  'resident.saved': 'Fiche enregistrée. Le prochain renvoi utilisera ces coordonnées.',
  'resident.unchanged': 'Aucune modification.',
  'resident.archive': 'Archiver le résident',
  'resident.archiveConfirm': 'Archiver {name} ? Ce résident reste sur les avis passés mais n’en recevra plus.',
  'resident.archived': '{name} a été archivé.',
  'resident.backToNotice': 'Retour à l’avis',
  'resident.backToList': 'Tous les résidents',

  'notice.back': 'Tous les avis',
  'notice.unavailable': 'Avis indisponible',
  'notice.resend': 'Renvoyer les échecs',
  'notice.stats': 'Statistiques de livraison',
  'notice.content': 'Contenu du message',
  'notice.smsText': 'Texte du SMS',
  'notice.channels': 'Canaux : {list}',
  'notice.send': 'Envoyer maintenant',
  'notice.schedule': 'Planifier',
  'notice.reschedule': 'Annuler la planification',
  'notice.delete': 'Supprimer le brouillon',
  'notice.deleteConfirm': 'Supprimer ce brouillon ? Cette action est définitive.',
  'notice.deleted': 'Le brouillon a été supprimé.',
  'notice.live': 'Mises à jour en direct',
  'notice.reconnecting': 'Reconnexion aux mises à jour en direct…',
  'notice.refresh': 'Actualiser',

  'stats.recipients': 'Destinataires',
  'stats.received': 'Reçu',
  'stats.failedRecipients': 'Avec un échec',
  'stats.total': { one: '{n} message', other: '{n} messages' },
  'stats.pending': 'En attente',
  'stats.sent': 'Envoyés',
  'stats.delivered': 'Remis',
  'stats.failed': 'En échec',
  'stats.skipped': 'Ignorés',
  'stats.bar': '{channel} : {delivered} remis, {sent} envoyés, {pending} en attente, {failed} en échec, {skipped} ignorés',

  'recipients.title': 'Destinataires',
  'recipients.filterStatus': 'Statut',
  'recipients.filterChannel': 'Canal',
  'recipients.anyStatus': 'Tous les statuts',
  'recipients.anyChannel': 'Tous les canaux',
  'recipients.selectPage': 'Sélectionner tous les destinataires de cette page',
  'recipients.select': 'Sélectionner {name}',
  'recipients.selected': { one: '{n} destinataire sélectionné', other: '{n} destinataires sélectionnés' },
  'recipients.clearSelection': 'Effacer la sélection',
  'recipients.export': 'Exporter les échecs (CSV)',
  'recipients.exporting': 'Préparation du fichier…',
  'recipients.checkProfile': 'Vérifier la fiche',
  'recipients.attempt': 'tentative {n}',
  'recipients.quietHours': 'Heures de silence : attend jusqu’à {at}',
  'recipients.empty': 'Aucun destinataire ne correspond à ces filtres.',
  'recipients.notInNotice': 'pas envoyé sur ce canal',

  'history.title': 'Historique des renvois',
  'history.empty': 'Aucun renvoi pour l’instant.',
  'history.by': '{name}',
  'history.details': ' — voir ce qu’a fait ce renvoi',

  'resendDetail.title': 'Renvoi du {when}',
  'resendDetail.back': 'Retour à l’avis',
  'resendDetail.by': 'Par {name}',
  'resendDetail.targets': 'Cibles',
  'resendDetail.filter': 'Résultat',
  'resendDetail.anyOutcome': 'Tous les résultats',
  'resendDetail.export': 'Télécharger en CSV',
  'resendDetail.empty': 'Aucune cible ne correspond à ce filtre.',
  'resendDetail.emptyHere': 'Aucune correspondance parmi les cibles vues jusqu’ici : la page suivante continue.',
  'resendDetail.profile': 'Fiche du résident',
  'resendDetail.unavailable': 'Ce renvoi n’est pas disponible.',
  'col.recipient': 'Destinataire',
  'col.channel': 'Canal',
  'col.address': 'Adresse utilisée',
  'col.result': 'Résultat de ce renvoi',
  'col.updated': 'Dernière nouvelle',
  'type.FULL': 'Complet',
  'type.PARTIAL': 'Partiel',

  'scope.FAILED_ONLY': 'Destinataires en échec seulement',
  'scope.FAILED_ONLY.desc': 'Chaque destinataire ayant un canal en échec. Seuls les canaux en échec sont renvoyés.',
  'scope.ALL_UNDELIVERED': 'Tous ceux qui n’ont rien reçu',
  'scope.ALL_UNDELIVERED.desc': 'Les destinataires sans aucun envoi réussi ni en attente : leurs canaux en échec, et les canaux ignorés qui ont maintenant une adresse.',
  'scope.SELECTED': 'Destinataires sélectionnés',
  'scope.SELECTED.desc': 'Les destinataires cochés dans le tableau : leurs canaux en échec.',
  'scope.SELECTED.none': 'Cochez des destinataires dans le tableau pour utiliser cette option.',

  'resend.title': 'Renvoyer les échecs',
  'resend.intro': 'Choisissez qui recevra l’avis de nouveau. Chaque résident le reçoit à son adresse actuelle.',
  'resend.legend': 'Qui doit le recevoir de nouveau ?',
  'resend.recommended': 'Recommandé',
  'resend.recipientsWord': { one: 'destinataire', other: 'destinataires' },
  'resend.nothingOnChannels': 'rien à renvoyer',
  'resend.loading': 'Calcul…',
  'resend.submit': 'Renvoyer',
  'resend.sending': 'Renvoi…',
  'resend.cancel': 'Annuler',
  'resend.close': 'Fermer',
  'resend.skippedNoAddress': { one: '{n} canal en échec n’a pas d’adresse et reste en échec.', other: '{n} canaux en échec n’ont pas d’adresse et restent en échec.' },
  'resend.skippedOptedOut': { one: '{n} canal en échec appartient à un résident désabonné et reste en échec.', other: '{n} canaux en échec appartiennent à des résidents désabonnés et restent en échec.' },
  'resend.skippedResendLimit': { one: '{n} canal en échec a déjà été renvoyé le nombre maximal de fois pour cet avis et reste en échec.', other: '{n} canaux en échec ont déjà été renvoyés le nombre maximal de fois pour cet avis et restent en échec.' },
  'resend.skippedCoolingDown': { one: '{n} canal en échec vient d’être renvoyé à la même adresse ; il pourra l’être de nouveau à partir du {at}.', other: '{n} canaux en échec viennent d’être renvoyés à la même adresse ; ils pourront l’être de nouveau à partir du {at}.' },
  'resend.addressUnchanged': { one: '{n} a toujours l’adresse qui a échoué — mettre sa fiche à jour d’abord ?', other: '{n} ont toujours l’adresse qui a échoué — mettre leur fiche à jour d’abord ?' },
  'resend.showFailed': 'Voir les destinataires en échec',
  'resend.success': 'Renvoi en cours : {list}.',
  'resend.successNothing': 'Renvoi demandé.',
  'resend.successFallback': { one: '{n} d’entre eux passe par l’autre canal du destinataire.', other: '{n} d’entre eux passent par l’autre canal des destinataires.' },
  'resend.fallback': 'Essayer aussi leur autre canal',
  'resend.fallbackHint': 'Quand un canal ne peut pas aboutir en l’état (adresse invalide ou rejetée, numéro injoignable, désabonnement), envoyer plutôt par l’autre canal du résident : {list}.',
  'resend.fallbackNone': 'Personne dans ce choix ne peut être joint par son autre canal à la place.',
  'history.fallback': { one: '{n} par l’autre canal', other: '{n} par l’autre canal' },
  'resendDetail.fallback': 'à la place de l’autre canal',
  'resend.dismiss': 'Fermer le message',
  'resend.quietHours': { one: 'C’est l’heure de silence dans cet immeuble : {n} SMS attendra sa fin à {at} ({zone}). Les courriels partent maintenant.', other: 'C’est l’heure de silence dans cet immeuble : {n} SMS attendront sa fin à {at} ({zone}). Les courriels partent maintenant.' },
  'resend.successQuietHours': { one: 'Le SMS attend la fin des heures de silence ({at}, {zone}).', other: 'Les {n} SMS attendent la fin des heures de silence ({at}, {zone}).' },

  'urgent.mark': 'Marquer urgent',
  'urgent.badge': 'Urgent',
  'urgent.why': '{reason} — marqué par {name}, {date}. Ses SMS ignorent les heures de silence.',
  'urgent.remove': 'Retirer l’urgence',
  'urgent.title': 'Marquer cet avis urgent',
  'urgent.intro': 'Pour une urgence (coupure d’eau, incendie) : ses SMS, et ceux de ses renvois, partent tout de suite, même pendant les heures de silence. Le journal d’audit garde qui l’a marqué et pourquoi.',
  'urgent.reason': 'Pourquoi est-ce urgent ?',
  'urgent.reasonRequired': 'Dites pourquoi cet avis est urgent.',
  'urgent.confirm': 'Marquer urgent',

  'settings.title': 'Paramètres de l’immeuble',
  'settings.timeZone': 'Fuseau horaire',
  'settings.timeZoneHint': 'Les heures de silence se lisent sur cette horloge.',
  'settings.quietHours': 'Heures de silence des SMS',
  'settings.quietHoursEnabled': 'Retenir les SMS pendant les heures de silence',
  'settings.quietHoursHint': 'Un SMS prévu pendant les heures de silence attend leur fin. Les courriels ne sont jamais retenus, et les avis urgents ignorent les heures de silence.',
  'settings.start': 'De',
  'settings.end': 'À',
  'settings.save': 'Enregistrer les paramètres',
  'settings.saved': 'Paramètres enregistrés.',
  'settings.updated': 'Modifiés en dernier par {name}, {date}.',
  'settings.defaults': 'Les valeurs par défaut de la plateforme : cet immeuble ne les a jamais changées.',
  'settings.readOnly': 'Seul un administrateur de l’immeuble peut changer ces paramètres.',

  'errors.NO_FAILED_RECIPIENTS': 'Aucun destinataire en échec — tout le monde a peut-être reçu l’avis lors d’une tentative ultérieure ; consultez le tableau des destinataires.',
  'errors.NOTICE_NOT_RESENDABLE': 'Cet avis ne peut pas être renvoyé pour l’instant : les brouillons et les avis planifiés n’ont jamais été envoyés, et un avis en cours d’envoi doit d’abord se terminer.',
  'errors.NO_RECIPIENTS_SELECTED': 'Cochez d’abord au moins un destinataire dans le tableau.',
  'errors.IDEMPOTENCY_KEY_REUSED': 'Un renvoi avec d’autres choix a déjà été demandé depuis cette fenêtre. Fermez-la et rouvrez-la.',
  'errors.NOTICE_NOT_DRAFT': 'Seul un brouillon peut être modifié, envoyé ou supprimé, et cet avis a changé d’état. Actualisez pour voir son statut.',
  'errors.SEND_AT_IN_PAST': 'L’heure d’envoi est passée. Choisissez une heure plus tardive.',
  'errors.VALIDATION_FAILED': 'Certains champs ne sont pas valides.',
  'errors.MALFORMED_REQUEST': 'La requête n’a pas pu être lue.',
  'errors.NOT_FOUND': 'Introuvable — ou n’appartient pas à l’un de vos immeubles.',
  'errors.UNAUTHENTICATED': 'Votre session a pris fin. Reconnectez-vous.',
  'errors.FORBIDDEN': 'Seuls les gestionnaires et les administrateurs d’immeubles peuvent utiliser cette page.',
  'errors.PAYLOAD_TOO_LARGE': 'Trop de données pour une seule requête.',
  'errors.SERVICE_UNAVAILABLE': 'Le service est indisponible pour le moment. Réessayez dans un instant.',
  'errors.GATEWAY_TIMEOUT': 'Le service n’a pas répondu à temps. Réessayez dans un instant.',
  'errors.INTERNAL_ERROR': 'Une erreur s’est produite de notre côté. Réessayez.',
  'errors.NETWORK': 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  'errors.generic': 'Une erreur s’est produite (HTTP {status}).',
};

export const dictionaries = { en, fr };
export const languages = ['en', 'fr'];

const STORAGE_KEY = 'propty.lang';
const listeners = new Set();

function initialLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (languages.includes(saved)) {
    return saved;
  }
  return (navigator.language || 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

let current = initialLanguage();
let plurals = new Intl.PluralRules(current);

export function language() {
  return current;
}

export function setLanguage(lang) {
  if (!languages.includes(lang) || lang === current) {
    return;
  }
  current = lang;
  plurals = new Intl.PluralRules(lang);
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  listeners.forEach((listener) => listener(lang));
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function has(key) {
  return key in dictionaries[current];
}

/** t('count.emails', {n: 2}) → "2 emails". A missing key shows itself, which a reviewer notices at once. */
export function t(key, vars = {}) {
  let entry = dictionaries[current][key] ?? dictionaries.en[key];
  if (entry === undefined) {
    return key;
  }
  if (typeof entry === 'object') {
    entry = entry[plurals.select(Number(vars.n ?? 0))] ?? entry.other;
  }
  return entry.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? formatValue(vars[name]) : match));
}

function formatValue(value) {
  return typeof value === 'number' ? new Intl.NumberFormat(current).format(value) : String(value);
}

/** ["2 emails", "3 SMS"] → "2 emails and 3 SMS" in the current language. */
export function joinAnd(parts) {
  if (parts.length <= 1) {
    return parts.join('');
  }
  return `${parts.slice(0, -1).join(', ')}${t('list.and')}${parts[parts.length - 1]}`;
}

/** 2 emails and 3 SMS → "2 emails and 3 SMS"; a channel with none is left out, and both none give ''. */
export function countsText(emails, sms) {
  const parts = [];
  if (emails > 0) {
    parts.push(t('count.emails', { n: emails }));
  }
  if (sms > 0) {
    parts.push(t('count.sms', { n: sms }));
  }
  return joinAnd(parts);
}

/**
 * The success text of a resend, composed from the counts the API returned (not from its English message), with how
 * many of them go by the recipients' other channel.
 */
export function resendingMessage(emails, sms, fallback = 0) {
  const list = countsText(emails, sms);
  if (!list) {
    return t('resend.successNothing');
  }
  const text = t('resend.success', { list });
  return fallback > 0 ? `${text} ${t('resend.successFallback', { n: fallback })}` : text;
}

document.documentElement.lang = current;
