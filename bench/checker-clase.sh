#!/usr/bin/env bash
# Builds a synthetic class for the checker's benchmark: N students, each with every exercise that has a reference
# solution. Student i gets, for exercise number k, one profile in turn: the reference, the untouched starter, the
# first or second typical mistake of solutions/NN/errores/, or the reference plus a file that does not compile.
# Every copied file gets a line naming the student, so no two submissions share a hash and nothing is graded once
# for several students. Every fourth student is a .zip, every fourth a Moodle-style folder.
# Usage: bench/checker-clase.sh DESTINO [ALUMNOS]     (40 students by default)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
destination="${1:?Uso: bench/checker-clase.sh DESTINO [ALUMNOS]}"
students="${2:-40}"

if [[ -e "$destination" && -n "$(ls -A "$destination" 2>/dev/null)" ]]; then
  echo "checker-clase: error: '$destination' ya existe y no está vacío; indica una carpeta nueva." >&2
  exit 2
fi
mkdir -p "$destination"

# The student-owned paths of an exercise: Metadata.Workbook.StudentFiles of its template, or src/main/java.
owned_paths() {
  local declared
  declared="$(sed -n 's/^ *StudentFiles: *\[\(.*\)\].*/\1/p' "$root/exercises/$1/template.yaml" | tr -d ' ')"
  echo "${declared:-src/main/java}" | tr ',' '\n'
}

# Copies the student-owned paths of exercise $1 from the exercise-shaped folder $2 into $3.
copy_owned() {
  local path
  while read -r path; do
    if [[ -e "$2/$path" ]]; then
      mkdir -p "$(dirname "$3/$path")"
      cp -r "$2/$path" "$(dirname "$3/$path")/"
    fi
  done < <(owned_paths "$1")
}

# Appends a comment naming the student to every file, in the file's own comment syntax.
sign() {
  local file
  while IFS= read -r -d '' file; do
    case "$file" in
      *.java) printf '\n// %s\n' "$2" >> "$file" ;;
      *.yaml|*.yml|*.properties) printf '\n# %s\n' "$2" >> "$file" ;;
      *.xml) printf '\n<!-- %s -->\n' "$2" >> "$file" ;;
    esac
  done < <(find "$1" -type f -print0)
}

exercises=()
for folder in "$root"/exercises/[0-9][0-9]; do
  id="$(basename "$folder")"
  [[ -f "$folder/template.yaml" && -d "$root/solutions/$id/src/main/java" ]] && exercises+=("$id")
done

for ((i = 0; i < students; i++)); do
  student="$(printf 'alumno-%02d' "$i")"
  repo="$destination/.$student/cuaderno"
  for k in "${!exercises[@]}"; do
    id="${exercises[$k]}"
    target="$repo/exercises/$id"
    mkdir -p "$target"
    mistakes=()
    if [[ -d "$root/solutions/$id/errores" ]]; then
      mapfile -t mistakes < <(find "$root/solutions/$id/errores" -mindepth 1 -maxdepth 1 -type d | sort)
    fi
    copy_owned "$id" "$root/exercises/$id" "$target"
    profile=$(( (i + k) % 5 ))
    if (( profile != 1 )); then
      copy_owned "$id" "$root/solutions/$id" "$target"
    fi
    if (( profile == 2 || profile == 3 )) && (( ${#mistakes[@]} > profile - 2 )); then
      cp -r "${mistakes[$((profile - 2))]}/." "$target/"
      rm -f "$target/descripcion.txt"
    fi
    if (( profile == 4 )); then
      printf 'class Roto {\n    int x = \n}\n' > "$target/src/main/java/Roto.java"
    fi
  done
  sign "$repo" "$student"
  if (( i % 4 == 3 )); then
    (cd "$destination/.$student" && zip -qr "$destination/$student.zip" cuaderno)
  elif (( i % 4 == 1 )); then
    mv "$destination/.$student" "$destination/Alumno $i Prueba_$((1000 + i))_assignsubmission_file_"
    continue
  else
    mv "$repo" "$destination/$student"
  fi
  rm -rf "$destination/.$student"
done
echo "Clase de $students alumnos con los ejercicios ${exercises[*]} en $destination"
