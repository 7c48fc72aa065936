<!DOCTYPE html><html><head><meta charset="utf-8"><title>检索</title></head><body><p>请输入检索词。</p></body></html>
