import { canonical, containsUnknown, preferOrder, sameValue, UNKNOWN } from '../../provider/engine/compare';

describe('canonical comparison', () => {
  it('ignores object key order and JSON whitespace', () => {
    expect(sameValue(JSON.parse('{"a":1,"b":{"y":2,"x":[1,2]}}'), JSON.parse('{ "b": { "x": [1, 2], "y": 2 }, "a": 1 }'))).toBe(true);
  });
  it('keeps array order significant unless the field is a set', () => {
    expect(sameValue(['voice', 'chat'], ['chat', 'voice'])).toBe(false);
    expect(sameValue(['voice', 'chat'], ['chat', 'voice'], true)).toBe(true);
  });
  it('treats NFC and NFD spellings as equal', () => {
    const nfc = 'Café Ünïcode';
    const nfd = nfc.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(sameValue(nfc, nfd)).toBe(true);
    expect(canonical(nfd)).toBe(nfc);
  });
  it('finds the preview sentinel anywhere in a value', () => {
    expect(containsUnknown({ a: [1, UNKNOWN] })).toBe(true);
    expect(containsUnknown({ a: [1, 'x'] })).toBe(false);
  });
  it('keeps the declared order of a set the server reordered', () => {
    expect(preferOrder(['chat', 'voice'], ['voice', 'chat'])).toEqual(['chat', 'voice']);
    expect(preferOrder(['chat'], ['voice', 'chat'])).toEqual(['voice', 'chat']);
  });
});
