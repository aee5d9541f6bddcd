import { expectNoChanges, outputCollector, useProject } from './harness';

jest.setTimeout(10 * 60_000);

type Row = Record<string, any>;

/**
 * A do-not-contact list's numbers (an owned set of values) and a queue's interrupt menu (write-only: Zoom cannot
 * read it), on the real Pulumi CLI: create, empty preview, update in place, a console edit caught (numbers) or
 * said to be uncheckable (the menu), replacement, removal and destroy.
 */
describe('DncListPhones and QueueInterruptMenu on the real Pulumi CLI', () => {
  const current = useProject('program');
  const quiet = () => ({ onOutput: outputCollector().onOutput });
  const ref = (name: string, output: string) => ({ $ref: `${name}.${output}` });
  const declaration = (stage: { numbers: string[]; menuOn: string; voice: string; menu?: boolean }) => [
    { kind: 'CampaignContactList', name: 'do-not-call', args: { name: 'Do not call', type: 'do_not_contact', deleteContactsOnDelete: true } },
    { kind: 'DncListPhones', name: 'do-not-call-numbers', args: { dncListId: ref('do-not-call', 'contactListId'), phoneNumbers: stage.numbers } },
    { kind: 'Queue', name: 'support', args: { name: 'Support', channel: 'voice' } },
    { kind: 'Queue', name: 'sales', args: { name: 'Sales', channel: 'voice' } },
    { kind: 'Inbox', name: 'voicemail', args: { name: 'Voicemail', deleteMessagesOnDelete: true } },
    ...(stage.menu === false
      ? []
      : [
          {
            kind: 'QueueInterruptMenu',
            name: 'menu',
            args: {
              queueId: ref(stage.menuOn, 'queueId'),
              languageCode: 'en-US',
              voiceId: stage.voice,
              playInterval: 60,
              menuOptions: [
                { keypress: '1', menuAction: 'request_callback', playMessage: 'Press 1 and we call you back.' },
                { keypress: '2', menuAction: 'leave_voicemail', voiceMailInboxId: ref('voicemail', 'inboxId') },
              ],
            },
          },
        ]),
  ];
  const numbersNow = async () => {
    const [list] = (await current().control('GET', '/objects/contact_lists')) as Row[];
    return ((await current().control('GET', '/objects/dnc_list_phones'))[list.contact_list_id] as Row[]).map((phone) => phone.phone_number);
  };
  const queueId = async (name: string) => ((await current().control('GET', '/objects/queues')) as Row[]).find((row) => row.queue_name === name)!.queue_id;

  it('create → empty preview → update → console edits → replace → removal → destroy', async () => {
    const { stack, control } = current();
    await current().declare(declaration({ numbers: ['+14155550100', '+14155550101'], menuOn: 'support', voice: 'Joanna' }));
    expect((await stack.up(quiet())).summary.resourceChanges).toEqual({ create: 7 });
    expect(await numbersNow()).toEqual(['+14155550100', '+14155550101']);
    expect((await control('GET', '/objects/queue_interrupt_menus'))[await queueId('Support')]).toMatchObject({ voice_id: 'Joanna' });
    await expectNoChanges(stack);

    await current().declare(declaration({ numbers: ['+14155550101', '+14155550102'], menuOn: 'support', voice: 'Matthew' }));
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ update: 2 });
    expect(await numbersNow()).toEqual(['+14155550101', '+14155550102']);
    expect((await control('GET', '/objects/queue_interrupt_menus'))[await queueId('Support')]).toMatchObject({ voice_id: 'Matthew' });
    await expectNoChanges(stack);

    // A number added in the console is drift of the exclusive set; a menu changed there cannot be seen, and the
    // refresh says so rather than reporting it clean.
    const [list] = (await control('GET', '/objects/contact_lists')) as Row[];
    await control('PUT', `/dnc_list_phones/${list.contact_list_id}`, [
      ...(await control('GET', '/objects/dnc_list_phones'))[list.contact_list_id],
      { phone_id: 'console1', phone_number: '+14155550199' },
    ]);
    const supportId = await queueId('Support');
    await control('PUT', `/queue_interrupt_menus/${supportId}`, {
      ...(await control('GET', '/objects/queue_interrupt_menus'))[supportId],
      voice_id: 'Ivy',
    });
    await control('DELETE', '/requests');
    const drift = outputCollector();
    await expect(stack.preview({ refresh: true, expectNoChanges: true, diff: true, onOutput: drift.onOutput })).rejects.toThrow();
    expect(drift.text()).toContain('+14155550199');
    // Pulumi's default display (not --diff, which leaves the provider's diagnostics out) shows the warning.
    const plain = outputCollector();
    await stack.preview({ onOutput: plain.onOutput });
    expect(plain.text()).toContain(
      `QueueInterruptMenu for queue ${supportId} is not compared with ZCC (Zoom's API has no call that reads a queue's interrupt menu)`,
    );
    expect((await control('GET', '/requests')).entries.filter((entry: Row) => entry.method !== 'GET' && entry.path !== '/oauth/token')).toEqual([]);
    expect((await stack.up({ refresh: true, ...quiet() })).summary.resourceChanges).toMatchObject({ update: 1 });
    expect(await numbersNow()).toEqual(['+14155550101', '+14155550102']);
    await expectNoChanges(stack);

    // Another queue: the menu is replaced (created on Sales, deleted from Support).
    await current().declare(declaration({ numbers: ['+14155550101', '+14155550102'], menuOn: 'sales', voice: 'Matthew' }));
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ replace: 1 });
    const menus = await control('GET', '/objects/queue_interrupt_menus');
    expect(Object.keys(menus)).toEqual([await queueId('Sales')]);
    await expectNoChanges(stack);

    // Removing the menu: the preview says what waiting callers lose.
    await current().declare(declaration({ numbers: ['+14155550101', '+14155550102'], menuOn: 'sales', voice: 'Matthew', menu: false }));
    const removal = outputCollector();
    await stack.preview({ diff: true, onOutput: removal.onOutput });
    expect(removal.text()).toContain('waiting callers are offered no keys any more');
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ delete: 1 });
    expect(await control('GET', '/objects/queue_interrupt_menus')).toEqual({});
    await expectNoChanges(stack);

    await stack.destroy(quiet());
    expect(await control('GET', '/objects/contact_lists')).toEqual([]);
    expect(await control('GET', '/objects/dnc_list_phones')).toEqual({});
  });
});
