// A state crosses the content host ⇄ player channel with only the records that changed (record-changes.ts):
// the player's copy is the runtime's state to the letter, its unchanged records stay the objects it had (the
// store compares them by identity), and malformed changes are refused by the protocol's guard.
import { expect } from '@open-wc/testing';
import { Scorm2004Api } from '../../src/runtime/index.js';
import { isHostToPlayer } from '../../src/content-host/protocol.js';
import { RecordReceiver, RecordSender, isRecordChanges } from '../../src/content-host/record-changes.js';

function session() {
  const api = new Scorm2004Api({ learnerId: 'u1', learnerName: 'Doe, Jane' });
  api.Initialize('');
  let n = 0;
  const add = (count: number) => {
    for (const end = n + count; n < end; n++) {
      api.SetValue(`cmi.interactions.${n}.id`, `q${n}`);
      api.SetValue(`cmi.interactions.${n}.type`, 'choice');
      api.SetValue(`cmi.interactions.${n}.result`, 'correct');
    }
  };
  return { api, add };
}

/** Through structured cloning, as a MessagePort delivers it. */
const across = <T>(x: T): T => structuredClone(x);

describe('record changes between the content host and the player', () => {
  it('sends only the changed records, and the player rebuilds the exact state, sharing unchanged records', () => {
    const { api, add } = session();
    const sender = new RecordSender();
    const receiver = new RecordReceiver();
    add(600);
    api.SetValue('cmi.objectives.0.id', 'o1');
    const first = sender.pack(api.state());
    expect(first.records['cmi.interactions']!.changed).to.have.length(600);
    const one = receiver.unpack(across(first.state), across(first.records));
    expect(JSON.stringify(one)).to.equal(JSON.stringify(api.state()));

    add(1);
    api.SetValue('cmi.interactions.3.result', 'incorrect');
    api.SetValue('cmi.location', 'p2');
    const second = sender.pack(api.state());
    const sent = second.records['cmi.interactions']!;
    expect(sent.length).to.equal(601);
    expect(sent.changed.map(([i]) => i)).to.deep.equal([3, 600]);
    expect(second.records['cmi.objectives']!.changed).to.deep.equal([]);
    const two = receiver.unpack(across(second.state), across(second.records));
    expect(JSON.stringify(two)).to.equal(JSON.stringify(api.state()));
    const [before, after] = [one.data['cmi.interactions'], two.data['cmi.interactions']] as unknown[][];
    expect(after![0]).to.equal(before![0]);
    expect(after![3]).not.to.equal(before![3]);
    expect(before![3]).to.deep.include({ result: 'correct' });
  });

  it('drops a list the state no longer has', () => {
    const sender = new RecordSender();
    const receiver = new RecordReceiver();
    const base = session().api.state();
    const withList = { ...base, data: { ...base.data, 'cmi.objectives': [{ id: 'a' }] } };
    const packed = sender.pack(withList);
    expect(receiver.unpack(packed.state, packed.records).data['cmi.objectives']).to.deep.equal([{ id: 'a' }]);
    const without = sender.pack(base);
    expect(without.records).to.deep.equal({});
    expect(receiver.unpack(without.state, without.records).data).not.to.have.property('cmi.objectives');
  });

  it('refuses changes of a malformed shape', () => {
    expect(isRecordChanges({ 'cmi.interactions': { length: 1, changed: [[0, { id: 'q' }]] } })).to.equal(
      true,
    );
    for (const bad of [
      { 'cmi.interactions': { length: 1, changed: [[1, { id: 'q' }]] } },
      { 'cmi.interactions': { length: 1, changed: [[0, 'q']] } },
      { 'cmi.interactions': { length: -1, changed: [] } },
      { 'cmi.interactions': { length: 1e9, changed: [] } },
      { 'cmi.interactions': { length: 1, changed: {} } },
      [],
    ])
      expect(isRecordChanges(bad), JSON.stringify(bad)).to.equal(false);
    const state = session().api.state();
    expect(
      isHostToPlayer({ type: 'state', state, records: { x: { length: 2, changed: [[5, {}]] } } }),
    ).to.equal(false);
    expect(isHostToPlayer({ type: 'state', state, records: {} })).to.equal(true);
  });
});
