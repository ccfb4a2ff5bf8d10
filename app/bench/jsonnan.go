//go:build !js

package main

import (
	"math"
	"reflect"
	"runtime"
	"strings"
)

// structToAny turns v into maps, slices and scalars under the JSON field
// names, so that nanToNil can replace the NaN that marks a missing figure:
// encoding/json refuses to write NaN.
func structToAny(v any) any { return toAny(reflect.ValueOf(v)) }

func toAny(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return toAny(v.Elem())
	case reflect.Struct:
		if v.Type().PkgPath() == "time" {
			return v.Interface()
		}
		m := map[string]any{}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			m[name] = toAny(v.Field(i))
		}
		return m
	case reflect.Map:
		m := map[string]any{}
		for _, k := range v.MapKeys() {
			m[k.String()] = toAny(v.MapIndex(k))
		}
		return m
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil
		}
		s := make([]any, v.Len())
		for i := range s {
			s[i] = toAny(v.Index(i))
		}
		return s
	case reflect.Float32, reflect.Float64:
		return v.Float()
	default:
		return v.Interface()
	}
}

// nanToNil replaces NaN and infinities with nil throughout a tree made by
// structToAny.
func nanToNil(x any) any {
	switch x := x.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
		return x
	case map[string]any:
		for k, v := range x {
			x[k] = nanToNil(v)
		}
	case []any:
		for i, v := range x {
			x[i] = nanToNil(v)
		}
	}
	return x
}

func numCPU() int { return runtime.NumCPU() }
