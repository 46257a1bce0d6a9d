// A set of variable names as a bitset over a per-document numbering. The flow
// analysis copies and intersects a set at every branch; with thousands of
// variables a bitset copy is a few dozen words where a Set<string> copy is
// thousands of entries (measured: the Set version made analysis quadratic).

export class VarNumbering {
  private readonly index = new Map<string, number>();
  readonly names: string[] = [];

  id(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(name, i);
      this.names.push(name);
    }
    return i;
  }

  lookup(name: string): number | undefined {
    return this.index.get(name);
  }

  get words(): number {
    return (this.names.length + 31) >>> 5;
  }
}

// The words are a plain array of int32 values, not a Uint32Array: the analysis copies a set at
// every branch, and a typed array over 64 bytes is allocated outside V8's heap, which made each
// copy cost a microsecond and the garbage collector track every one.
export class VarSet {
  private constructor(private readonly bits: number[]) {}

  static empty(words: number): VarSet {
    const bits: number[] = [];
    for (let i = 0; i < words; i++) bits.push(0);
    return new VarSet(bits);
  }

  copy(): VarSet {
    return new VarSet(this.bits.slice());
  }

  add(id: number): void {
    this.bits[id >>> 5] |= 1 << (id & 31);
  }

  has(id: number): boolean {
    return (this.bits[id >>> 5] & (1 << (id & 31))) !== 0;
  }

  /** Keeps only what `other` also has (in place). */
  intersect(other: VarSet): void {
    for (let i = 0; i < this.bits.length; i++) this.bits[i] &= other.bits[i];
  }

  equals(other: VarSet): boolean {
    for (let i = 0; i < this.bits.length; i++) if (this.bits[i] !== other.bits[i]) return false;
    return true;
  }

  *ids(): Generator<number> {
    for (let w = 0; w < this.bits.length; w++) {
      let word = this.bits[w];
      while (word) {
        const bit = 31 - Math.clz32(word & -word);
        yield (w << 5) + bit;
        word &= word - 1;
      }
    }
  }
}
