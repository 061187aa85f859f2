// Large but under the limits.
export class Twenty {
  m1() {}
  m2() {}
  m3() {}
  m4() {}
  m5() {}
  m6() {}
  m7() {}
  m8() {}
  m9() {}
  m10() {}
  m11() {}
  m12() {}
  m13() {}
  m14() {}
  m15() {}
  m16() {}
  m17() {}
  m18() {}
  m19() {}
  m20() {}
  private p1() {}
  private p2() {}
  #p3() {}
  static s1() {}
  static s2() {}
}
